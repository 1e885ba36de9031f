-- AlterTable
ALTER TABLE "IdentityRecord" ADD COLUMN     "initials" TEXT;

-- CreateIndex
CREATE INDEX "IdentityRecord_name_idx" ON "IdentityRecord"("name");

-- CreateIndex
CREATE INDEX "IdentityRecord_initials_idx" ON "IdentityRecord"("initials");

-- CreateIndex
CREATE INDEX "IdentityRecord_email_idx" ON "IdentityRecord"("email");

-- CreateIndex
CREATE INDEX "IdentityRecord_phones_idx" ON "IdentityRecord" USING GIN ("phones");
