-- DropForeignKey
ALTER TABLE "GradeChange" DROP CONSTRAINT "GradeChange_userId_fkey";
