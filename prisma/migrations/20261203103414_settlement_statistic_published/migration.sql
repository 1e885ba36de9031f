/*
  Warnings:

  - You are about to drop the column `publishedVersion` on the `SettlementStatistic` table. All the data in the column will be lost.

*/
-- AlterTable
ALTER TABLE "SettlementStatistic" DROP COLUMN "publishedVersion";

-- CreateTable
CREATE TABLE "SettlementStatisticPublished" (
    "approvalDay" TEXT NOT NULL,
    "merchantNumber" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "method" TEXT NOT NULL,
    "version" INTEGER NOT NULL,

    CONSTRAINT "SettlementStatisticPublished_pkey" PRIMARY KEY ("approvalDay","merchantNumber","action","method")
);
