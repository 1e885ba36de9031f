-- CreateEnum
CREATE TYPE "PromotionChannel" AS ENUM ('BANNER', 'PUSH', 'SEARCH');

-- CreateTable
CREATE TABLE "Promotion" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "categories" TEXT[],
    "productIds" TEXT[],
    "discountRate" INTEGER NOT NULL,
    "channel" "PromotionChannel" NOT NULL,
    "startsAt" TIMESTAMP(3) NOT NULL,
    "endsAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Promotion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AttributionCursor" (
    "purchaseTopic" TEXT NOT NULL,
    "partition" INTEGER NOT NULL,
    "purchaseOffset" BIGINT NOT NULL,
    "behaviorOffset" BIGINT NOT NULL,
    "behaviorReplayOffset" BIGINT NOT NULL,
    "streamTime" TIMESTAMP(3),
    "latePurchases" INTEGER NOT NULL DEFAULT 0,
    "lateBehaviors" INTEGER NOT NULL DEFAULT 0,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AttributionCursor_pkey" PRIMARY KEY ("purchaseTopic","partition")
);

-- CreateTable
CREATE TABLE "AttributionPending" (
    "purchaseId" TEXT NOT NULL,
    "purchaseTopic" TEXT NOT NULL,
    "partition" INTEGER NOT NULL,
    "record" JSONB NOT NULL,
    "arrivedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AttributionPending_pkey" PRIMARY KEY ("purchaseId")
);

-- CreateTable
CREATE TABLE "AttributionDecision" (
    "purchaseId" TEXT NOT NULL,
    "purchaseTopic" TEXT NOT NULL,
    "partition" INTEGER NOT NULL,
    "userId" TEXT NOT NULL,
    "purchasedAt" TIMESTAMP(3) NOT NULL,
    "affect" INTEGER NOT NULL,
    "promotionId" TEXT,
    "action" TEXT,
    "behaviorAt" TIMESTAMP(3),
    "decidedBy" TEXT NOT NULL,
    "amount" INTEGER NOT NULL,
    "ageGroup" TEXT NOT NULL,
    "gender" TEXT NOT NULL,
    "output" JSONB NOT NULL,
    "decidedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "publishedAt" TIMESTAMP(3),

    CONSTRAINT "AttributionDecision_pkey" PRIMARY KEY ("purchaseId")
);

-- CreateTable
CREATE TABLE "PromotionStatsMinute" (
    "promotionId" TEXT NOT NULL,
    "ageGroup" TEXT NOT NULL,
    "minute" TIMESTAMP(3) NOT NULL,
    "views" INTEGER NOT NULL DEFAULT 0,
    "clicks" INTEGER NOT NULL DEFAULT 0,
    "affectedPurchases" INTEGER NOT NULL DEFAULT 0,
    "revenue" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "PromotionStatsMinute_pkey" PRIMARY KEY ("promotionId","ageGroup","minute")
);

-- CreateIndex
CREATE INDEX "Promotion_startsAt_endsAt_idx" ON "Promotion"("startsAt", "endsAt");

-- CreateIndex
CREATE INDEX "AttributionPending_purchaseTopic_partition_idx" ON "AttributionPending"("purchaseTopic", "partition");

-- CreateIndex
CREATE INDEX "AttributionDecision_purchaseTopic_partition_publishedAt_idx" ON "AttributionDecision"("purchaseTopic", "partition", "publishedAt");

-- CreateIndex
CREATE INDEX "AttributionDecision_decidedAt_idx" ON "AttributionDecision"("decidedAt");

-- CreateIndex
CREATE INDEX "PromotionStatsMinute_minute_idx" ON "PromotionStatsMinute"("minute");
