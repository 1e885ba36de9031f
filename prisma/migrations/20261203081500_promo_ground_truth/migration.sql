-- CreateTable
CREATE TABLE "PromoGroundTruth" (
    "purchaseId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "clickAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PromoGroundTruth_pkey" PRIMARY KEY ("purchaseId")
);
