// What `importFiles` tells an observer while it works (the command line draws progress from it).
// Line-based files report after each batch is written; a JSON document only starts and ends.

export interface ImportProgress {
  file: string;
  /** Records read so far (lines that are not blank, header excluded). */
  read: number;
  /** Bytes of the file read so far, and its size: the share of the file done. */
  bytesRead: number;
  bytesTotal: number;
}

/** What the committed batches of a line-based file stored so far. */
export interface UsageProgress {
  /** Batches committed. */
  batches: number;
  /** The last line of the last committed batch: every good line up to it is stored. */
  throughLine: number;
  inserted: number;
  updated: number;
  unchanged: number;
}

export interface ImportObserver {
  fileStarted?(file: string, bytesTotal: number): void;
  progress?(progress: ImportProgress): void;
  /**
   * After each batch of a line-based file is committed (it stays stored whatever happens next);
   * the next batch is written once this has resolved.
   */
  batchStored?(file: string, stored: UsageProgress): void | Promise<void>;
  /** `read`: records read in all; `ok`: nothing of the file was refused. */
  fileDone?(file: string, outcome: { read: number; ok: boolean }): void;
}

/** Something that reads a file and knows how far it got (fs.ReadStream). */
export interface ByteCounter {
  readonly bytesRead: number;
}
