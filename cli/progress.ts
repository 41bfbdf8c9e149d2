import type { ClientEvent } from '../lib/anilist/client';
import type { ScanProgress } from '../lib/scan/run-scan';

/** The part of a stream the command line tool writes text to. */
export interface TextOutput {
  write(text: string): unknown;
  /** True for a terminal, as on `process.stderr`. */
  isTTY?: boolean;
}

/**
 * Draws one status line on stderr: requests sent, the current phase and any wait in seconds. On a
 * terminal the line is redrawn in place; elsewhere only waits are written, one line each, so logs
 * stay short.
 */
export class ProgressLine {
  private requests = 0;
  private phase = 'reading the list';
  private waitUntil = 0;
  private waitReason = '';
  private timer: NodeJS.Timeout | null = null;
  /** True between `finish()` and the next `showPhase()`, so late events leave the finished line alone. */
  private finished = false;

  constructor(
    private readonly stream: TextOutput,
    private readonly now: () => number = Date.now,
  ) {}

  onClientEvent(event: ClientEvent): void {
    if (event.type === 'request') this.requests = event.requests;
    if (event.type === 'wait') {
      this.waitUntil = event.until;
      this.waitReason = event.reason === 'rate-limit' ? 'rate limited by AniList' : 'AniList failed, retrying';
      if (!this.stream.isTTY) this.stream.write(`${this.waitReason}: waiting ${event.seconds} s\n`);
      this.startTicking();
    }
    this.draw();
  }

  onScanProgress(progress: ScanProgress): void {
    if (progress.phase === 'list') this.showPhase('reading the list');
    else if (progress.phase === 'relations') {
      this.showPhase(`following relations (${progress.relationsFetched} fetched, ${progress.relationsFromCache} cached)`);
    } else this.showPhase('done');
  }

  /** Sets the phase text and redraws, starting the line again after `finish()`. */
  showPhase(phase: string): void {
    this.phase = phase;
    this.finished = false;
    this.draw();
  }

  /** Stops redrawing and ends the line on a terminal, so later output starts on a line of its own. */
  finish(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    if (this.finished) return;
    this.finished = true;
    if (this.stream.isTTY) this.stream.write(`\r\x1b[2K${this.render()}\n`);
  }

  private startTicking(): void {
    if (this.timer || !this.stream.isTTY) return;
    this.timer = setInterval(() => {
      this.draw();
      if (this.now() >= this.waitUntil && this.timer) {
        clearInterval(this.timer);
        this.timer = null;
      }
    }, 1000);
    this.timer.unref();
  }

  private render(): string {
    const waitSeconds = Math.ceil((this.waitUntil - this.now()) / 1000);
    const wait = waitSeconds > 0 ? ` | ${this.waitReason}: waiting ${waitSeconds} s` : '';
    return `[${this.requests} ${this.requests === 1 ? 'request' : 'requests'}] ${this.phase}${wait}`;
  }

  private draw(): void {
    if (this.stream.isTTY && !this.finished) this.stream.write(`\r\x1b[2K${this.render()}`);
  }
}
