-- CreateEnum
CREATE TYPE "Role" AS ENUM ('staff', 'customer', 'salesman');

-- CreateEnum
CREATE TYPE "NotificationStatus" AS ENUM ('pending', 'delivered');

-- CreateTable
CREATE TABLE "Interest" (
    "id" UUID NOT NULL,
    "customerId" UUID NOT NULL,
    "projectId" UUID NOT NULL,
    "salesmanId" UUID,
    "interested" BOOLEAN NOT NULL DEFAULT true,
    "correlationId" UUID NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Interest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Account" (
    "id" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "displayName" TEXT NOT NULL,
    "customerId" UUID,
    "salesmanId" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Account_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Session" (
    "id" TEXT NOT NULL,
    "accountId" UUID NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Notification" (
    "id" UUID NOT NULL,
    "eventId" UUID NOT NULL,
    "customerId" UUID NOT NULL,
    "phone" TEXT NOT NULL,
    "projectId" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "status" "NotificationStatus" NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "nextAttemptAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deliveredAt" TIMESTAMP(3),
    "readAt" TIMESTAMP(3),
    "correlationId" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Notification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CustomerProjectView" (
    "customerId" UUID NOT NULL,
    "projectId" UUID NOT NULL,
    "projectName" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "host" TEXT NOT NULL,
    "status" "ProjectStatus" NOT NULL,
    "startDate" DATE,
    "endDate" DATE,
    "expStartDate" DATE,
    "interested" BOOLEAN NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CustomerProjectView_pkey" PRIMARY KEY ("customerId","projectId")
);

-- CreateTable
CREATE TABLE "ProjectView" (
    "projectId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "host" TEXT NOT NULL,
    "status" "ProjectStatus" NOT NULL,
    "startDate" DATE,
    "endDate" DATE,
    "expStartDate" DATE,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ProjectView_pkey" PRIMARY KEY ("projectId")
);

-- CreateTable
CREATE TABLE "ProjectStats" (
    "projectId" UUID NOT NULL,
    "projectName" TEXT NOT NULL,
    "interested" INTEGER NOT NULL DEFAULT 0,
    "requested" INTEGER NOT NULL DEFAULT 0,
    "accepted" INTEGER NOT NULL DEFAULT 0,
    "inProgress" INTEGER NOT NULL DEFAULT 0,
    "success" INTEGER NOT NULL DEFAULT 0,
    "fail" INTEGER NOT NULL DEFAULT 0,
    "canceled" INTEGER NOT NULL DEFAULT 0,
    "everAccepted" INTEGER NOT NULL DEFAULT 0,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ProjectStats_pkey" PRIMARY KEY ("projectId")
);

-- CreateTable
CREATE TABLE "ProjectStatsBucket" (
    "projectId" UUID NOT NULL,
    "bucket" TIMESTAMP(3) NOT NULL,
    "interests" INTEGER NOT NULL DEFAULT 0,
    "consultations" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "ProjectStatsBucket_pkey" PRIMARY KEY ("projectId","bucket")
);

-- CreateTable
CREATE TABLE "EventLog" (
    "eventId" UUID NOT NULL,
    "type" TEXT NOT NULL,
    "topic" TEXT NOT NULL,
    "correlationId" UUID NOT NULL,
    "causationId" UUID,
    "subjectId" UUID NOT NULL,
    "occurredAt" TIMESTAMP(3) NOT NULL,
    "payload" JSONB NOT NULL,

    CONSTRAINT "EventLog_pkey" PRIMARY KEY ("eventId")
);

-- CreateTable
CREATE TABLE "DeadLetter" (
    "id" UUID NOT NULL,
    "sourceTopic" TEXT NOT NULL,
    "consumer" TEXT NOT NULL,
    "partition" INTEGER NOT NULL,
    "offset" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "value" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DeadLetter_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WorkerHeartbeat" (
    "instanceId" TEXT NOT NULL,
    "worker" TEXT NOT NULL,
    "pid" INTEGER NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL,
    "lastBeatAt" TIMESTAMP(3) NOT NULL,
    "status" TEXT NOT NULL,
    "details" JSONB,

    CONSTRAINT "WorkerHeartbeat_pkey" PRIMARY KEY ("instanceId")
);

-- CreateIndex
CREATE INDEX "Interest_projectId_interested_idx" ON "Interest"("projectId", "interested");

-- CreateIndex
CREATE INDEX "Interest_salesmanId_idx" ON "Interest"("salesmanId");

-- CreateIndex
CREATE UNIQUE INDEX "Interest_customerId_projectId_key" ON "Interest"("customerId", "projectId");

-- CreateIndex
CREATE UNIQUE INDEX "Account_email_key" ON "Account"("email");

-- CreateIndex
CREATE UNIQUE INDEX "Account_customerId_key" ON "Account"("customerId");

-- CreateIndex
CREATE UNIQUE INDEX "Account_salesmanId_key" ON "Account"("salesmanId");

-- CreateIndex
CREATE INDEX "Session_accountId_idx" ON "Session"("accountId");

-- CreateIndex
CREATE INDEX "Session_expiresAt_idx" ON "Session"("expiresAt");

-- CreateIndex
CREATE INDEX "Notification_customerId_createdAt_idx" ON "Notification"("customerId", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "Notification_status_nextAttemptAt_idx" ON "Notification"("status", "nextAttemptAt");

-- CreateIndex
CREATE UNIQUE INDEX "Notification_eventId_customerId_key" ON "Notification"("eventId", "customerId");

-- CreateIndex
CREATE INDEX "CustomerProjectView_projectId_idx" ON "CustomerProjectView"("projectId");

-- CreateIndex
CREATE INDEX "EventLog_correlationId_occurredAt_idx" ON "EventLog"("correlationId", "occurredAt");

-- CreateIndex
CREATE INDEX "EventLog_subjectId_occurredAt_idx" ON "EventLog"("subjectId", "occurredAt");

-- CreateIndex
CREATE INDEX "DeadLetter_sourceTopic_createdAt_idx" ON "DeadLetter"("sourceTopic", "createdAt" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "DeadLetter_sourceTopic_partition_offset_consumer_key" ON "DeadLetter"("sourceTopic", "partition", "offset", "consumer");

-- CreateIndex
CREATE INDEX "WorkerHeartbeat_worker_idx" ON "WorkerHeartbeat"("worker");

-- AddForeignKey
ALTER TABLE "Interest" ADD CONSTRAINT "Interest_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Interest" ADD CONSTRAINT "Interest_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Interest" ADD CONSTRAINT "Interest_salesmanId_fkey" FOREIGN KEY ("salesmanId") REFERENCES "Salesman"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Account" ADD CONSTRAINT "Account_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Account" ADD CONSTRAINT "Account_salesmanId_fkey" FOREIGN KEY ("salesmanId") REFERENCES "Salesman"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Session" ADD CONSTRAINT "Session_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE CASCADE ON UPDATE CASCADE;
