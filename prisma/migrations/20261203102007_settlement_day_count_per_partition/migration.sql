/*
  Warnings:

  - The primary key for the `SettlementDayCount` table will be changed. If it partially fails, the table could be left without primary key constraint.

*/
-- AlterTable
ALTER TABLE "SettlementDayCount" DROP CONSTRAINT "SettlementDayCount_pkey",
ADD COLUMN     "partition" INTEGER NOT NULL DEFAULT 0,
ADD CONSTRAINT "SettlementDayCount_pkey" PRIMARY KEY ("approvalDay", "classification", "partition");

-- The desk drill-down (one merchant, one day) and the reconciliation (every settled base of a day, summed) read the
-- bases by approval day and merchant, and the money and classification ride in the index so the reconciliation of a
-- day of a million bases is an index-only scan (the Prisma schema cannot say INCLUDE, hence SQL). Partial on a
-- condition every row meets, because migrate drops or rebuilds the plain indexes it does not know, and leaves the
-- partial ones alone. Queries name the condition so the planner takes the index.
DROP INDEX "SettlementBase_approvalDay_merchantNumber_idx";
CREATE INDEX "SettlementBase_day_merchant_money_idx" ON "SettlementBase"("approvalDay", "merchantNumber") INCLUDE (classification, amount, fee, vat, payout) WHERE classification IS NOT NULL;
