-- CreateTable
CREATE TABLE "IngestFile" (
    "name" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "lines" INTEGER NOT NULL DEFAULT 0,
    "linesDone" INTEGER NOT NULL DEFAULT 0,
    "accepted" INTEGER NOT NULL DEFAULT 0,
    "rejected" INTEGER NOT NULL DEFAULT 0,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "IngestFile_pkey" PRIMARY KEY ("name","sha256")
);
