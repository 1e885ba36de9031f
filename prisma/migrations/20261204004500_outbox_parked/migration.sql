-- AlterTable
ALTER TABLE "OutboxEvent" ADD COLUMN     "parkedAt" TIMESTAMP(3);
