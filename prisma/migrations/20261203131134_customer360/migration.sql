-- CreateTable
CREATE TABLE "IdentityRecord" (
    "key" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "sourceId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "raw" JSONB NOT NULL,
    "l1" JSONB NOT NULL,
    "profileId" TEXT,
    "name" TEXT,
    "phones" TEXT[],
    "email" TEXT,
    "processedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "latencyMs" INTEGER,

    CONSTRAINT "IdentityRecord_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "IdentityBlock" (
    "blockKey" TEXT NOT NULL,
    "recordKey" TEXT NOT NULL,

    CONSTRAINT "IdentityBlock_pkey" PRIMARY KEY ("blockKey","recordKey")
);

-- CreateTable
CREATE TABLE "IdentityBlockSize" (
    "blockKey" TEXT NOT NULL,
    "size" INTEGER NOT NULL,

    CONSTRAINT "IdentityBlockSize_pkey" PRIMARY KEY ("blockKey")
);

-- CreateTable
CREATE TABLE "IdentityLink" (
    "a" TEXT NOT NULL,
    "b" TEXT NOT NULL,
    "rule" TEXT NOT NULL,
    "score" DOUBLE PRECISION NOT NULL,

    CONSTRAINT "IdentityLink_pkey" PRIMARY KEY ("a","b")
);

-- CreateTable
CREATE TABLE "IdentityProfile" (
    "id" TEXT NOT NULL,
    "sinceCreatedAt" TIMESTAMP(3) NOT NULL,
    "sinceKey" TEXT NOT NULL,
    "records" TEXT[],
    "links" JSONB NOT NULL,
    "refusals" JSONB NOT NULL,
    "review" BOOLEAN NOT NULL DEFAULT false,
    "golden" JSONB NOT NULL,
    "contactPoints" JSONB NOT NULL,
    "name" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "IdentityProfile_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IdentityProfileId" (
    "id" TEXT NOT NULL,
    "redirectTo" TEXT,
    "issuedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "retiredAt" TIMESTAMP(3),

    CONSTRAINT "IdentityProfileId_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IdentityEvent" (
    "seq" BIGSERIAL NOT NULL,
    "profileId" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "detail" JSONB NOT NULL,
    "by" TEXT,
    "why" TEXT,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "IdentityEvent_pkey" PRIMARY KEY ("seq")
);

-- CreateTable
CREATE TABLE "IdentityManual" (
    "id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "a" TEXT[],
    "b" TEXT[],
    "by" TEXT NOT NULL,
    "why" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "liftedAt" TIMESTAMP(3),

    CONSTRAINT "IdentityManual_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IdentityManualRecord" (
    "manualId" TEXT NOT NULL,
    "recordKey" TEXT NOT NULL,

    CONSTRAINT "IdentityManualRecord_pkey" PRIMARY KEY ("recordKey","manualId")
);

-- CreateTable
CREATE TABLE "IdentityCursor" (
    "topic" TEXT NOT NULL,
    "partition" INTEGER NOT NULL,
    "offset" BIGINT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "IdentityCursor_pkey" PRIMARY KEY ("topic","partition")
);

-- CreateTable
CREATE TABLE "IdentityErasure" (
    "id" UUID NOT NULL,
    "recordKeys" TEXT[],
    "profileIds" TEXT[],
    "by" TEXT NOT NULL,
    "why" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "IdentityErasure_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "IdentityRecord_profileId_idx" ON "IdentityRecord"("profileId");

-- CreateIndex
CREATE INDEX "IdentityRecord_source_sourceId_idx" ON "IdentityRecord"("source", "sourceId");

-- CreateIndex
CREATE INDEX "IdentityRecord_processedAt_idx" ON "IdentityRecord"("processedAt");

-- CreateIndex
CREATE INDEX "IdentityBlock_recordKey_idx" ON "IdentityBlock"("recordKey");

-- CreateIndex
CREATE INDEX "IdentityLink_b_idx" ON "IdentityLink"("b");

-- CreateIndex
CREATE INDEX "IdentityProfile_name_idx" ON "IdentityProfile"("name");

-- CreateIndex
CREATE INDEX "IdentityProfile_review_idx" ON "IdentityProfile"("review");

-- CreateIndex
CREATE INDEX "IdentityEvent_profileId_seq_idx" ON "IdentityEvent"("profileId", "seq");
