// A stream cut into lines as they complete. Bytes are decoded as one stream, so a UTF-8 character split
// across two chunks comes out whole; a partial line waits for the rest of it, or for flush(). A line
// ends at \n or \r\n (Python on Windows, a raw socket's habits): no line keeps a \r.
import { StringDecoder } from 'node:string_decoder';

export class LineSplitter {
  private partial = '';
  private readonly decoder = new StringDecoder('utf8');

  /** `maxLength`: a longer partial line is emitted cut to that length (the rest dropped): a flood of one endless line is not held forever. */
  constructor(
    private readonly emit: (line: string) => void,
    private readonly maxLength = Number.POSITIVE_INFINITY,
  ) {}

  push(chunk: Buffer): void {
    const lines = (this.partial + this.decoder.write(chunk)).split('\n');
    this.partial = lines.pop() ?? '';
    for (const line of lines) this.emit(line.replace(/\r$/, ''));
    if (this.partial.length > this.maxLength) {
      this.emit(this.partial.slice(0, this.maxLength));
      this.partial = '';
    }
  }

  /** The stream has ended: emit what is left of its last line, if anything. */
  flush(): void {
    const rest = this.partial + this.decoder.end();
    this.partial = '';
    if (rest !== '') this.emit(rest.replace(/\r$/, ''));
  }
}
