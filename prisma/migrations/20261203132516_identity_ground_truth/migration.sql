-- CreateTable
CREATE TABLE "IdentityGroundTruth" (
    "recordKey" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "noise" TEXT[],

    CONSTRAINT "IdentityGroundTruth_pkey" PRIMARY KEY ("recordKey")
);

-- CreateIndex
CREATE INDEX "IdentityGroundTruth_personId_idx" ON "IdentityGroundTruth"("personId");
