-- DropIndex
DROP INDEX "SettlementBase_payoutDay_merchantNumber_idx";

-- CreateTable
CREATE TABLE "SettlementPayout" (
    "payoutDay" TEXT NOT NULL,
    "merchantNumber" TEXT NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,
    "amount" BIGINT NOT NULL DEFAULT 0,
    "fee" BIGINT NOT NULL DEFAULT 0,
    "vat" BIGINT NOT NULL DEFAULT 0,
    "payout" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "SettlementPayout_pkey" PRIMARY KEY ("payoutDay","merchantNumber")
);
