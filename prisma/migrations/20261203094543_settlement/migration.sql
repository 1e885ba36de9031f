-- CreateTable
CREATE TABLE "Merchant" (
    "number" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "settlementEnabled" BOOLEAN NOT NULL DEFAULT true,
    "test" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Merchant_pkey" PRIMARY KEY ("number")
);

-- CreateTable
CREATE TABLE "PayoutRule" (
    "id" UUID NOT NULL,
    "merchantNumber" TEXT NOT NULL,
    "method" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "effectiveFrom" TEXT NOT NULL,
    "feeRateBp" INTEGER NOT NULL,
    "payoutDays" INTEGER NOT NULL,
    "note" TEXT,
    "createdBy" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PayoutRule_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SettlementBase" (
    "partition" INTEGER NOT NULL,
    "offset" BIGINT NOT NULL,
    "paymentId" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "method" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "merchantNumber" TEXT NOT NULL,
    "originalPaymentId" TEXT,
    "paymentDate" TIMESTAMP(3) NOT NULL,
    "approvalDay" TEXT NOT NULL,
    "classification" TEXT NOT NULL,
    "reason" TEXT,
    "ruleId" TEXT,
    "defaultRule" BOOLEAN NOT NULL DEFAULT false,
    "amount" BIGINT NOT NULL DEFAULT 0,
    "fee" BIGINT NOT NULL DEFAULT 0,
    "vat" BIGINT NOT NULL DEFAULT 0,
    "payout" BIGINT NOT NULL DEFAULT 0,
    "payoutDay" TEXT,
    "batchSeq" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SettlementBase_pkey" PRIMARY KEY ("partition","offset")
);

-- CreateTable
CREATE TABLE "SettlementCursor" (
    "topic" TEXT NOT NULL,
    "partition" INTEGER NOT NULL,
    "nextOffset" BIGINT NOT NULL DEFAULT 0,
    "batchSeq" INTEGER NOT NULL DEFAULT 0,
    "watermark" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SettlementCursor_pkey" PRIMARY KEY ("topic","partition")
);

-- CreateTable
CREATE TABLE "SettlementStatistic" (
    "approvalDay" TEXT NOT NULL,
    "merchantNumber" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "method" TEXT NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,
    "amount" BIGINT NOT NULL DEFAULT 0,
    "fee" BIGINT NOT NULL DEFAULT 0,
    "vat" BIGINT NOT NULL DEFAULT 0,
    "payout" BIGINT NOT NULL DEFAULT 0,
    "version" INTEGER NOT NULL DEFAULT 0,
    "publishedVersion" INTEGER NOT NULL DEFAULT 0,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SettlementStatistic_pkey" PRIMARY KEY ("approvalDay","merchantNumber","action","method")
);

-- CreateTable
CREATE TABLE "SettlementBatch" (
    "partition" INTEGER NOT NULL,
    "seq" INTEGER NOT NULL,
    "received" INTEGER NOT NULL DEFAULT 0,
    "settled" INTEGER NOT NULL DEFAULT 0,
    "duplicate" INTEGER NOT NULL DEFAULT 0,
    "test" INTEGER NOT NULL DEFAULT 0,
    "nonSettlement" INTEGER NOT NULL DEFAULT 0,
    "networkCancelled" INTEGER NOT NULL DEFAULT 0,
    "unconfirmed" INTEGER NOT NULL DEFAULT 0,
    "firstAt" TIMESTAMP(3),
    "lastAt" TIMESTAMP(3),
    "closedAt" TIMESTAMP(3),

    CONSTRAINT "SettlementBatch_pkey" PRIMARY KEY ("partition","seq")
);

-- CreateTable
CREATE TABLE "SettlementDayCount" (
    "approvalDay" TEXT NOT NULL,
    "classification" TEXT NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "SettlementDayCount_pkey" PRIMARY KEY ("approvalDay","classification")
);

-- CreateIndex
CREATE UNIQUE INDEX "PayoutRule_merchantNumber_method_action_effectiveFrom_key" ON "PayoutRule"("merchantNumber", "method", "action", "effectiveFrom");

-- CreateIndex
CREATE INDEX "SettlementBase_paymentId_idx" ON "SettlementBase"("paymentId");

-- CreateIndex
CREATE INDEX "SettlementBase_approvalDay_merchantNumber_action_method_idx" ON "SettlementBase"("approvalDay", "merchantNumber", "action", "method");

-- CreateIndex
CREATE INDEX "SettlementBase_payoutDay_merchantNumber_idx" ON "SettlementBase"("payoutDay", "merchantNumber");

-- CreateIndex
CREATE INDEX "SettlementStatistic_merchantNumber_approvalDay_idx" ON "SettlementStatistic"("merchantNumber", "approvalDay");
