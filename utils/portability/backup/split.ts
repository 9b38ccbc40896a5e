/**
 * A backup file's JSON read a piece of text at a time, never as one string: the top-level fields
 * and each element of its top-level arrays (the records) come out one by one, each parsed with
 * JSON.parse on its own. A 500 MB backup is longer than V8 lets one string be; read this way it
 * needs only the text of one record at once, and the reader can stop between pieces.
 */

/** A top-level field's value, or one element of a top-level array (a record of that store). */
export type BackupPiece =
  | { kind: 'field'; name: string; value: unknown }
  /** A top-level array begins (its records follow): an empty one is still there. */
  | { kind: 'array'; name: string }
  /** `value` is undefined when the splitter was told not to read that store's records. */
  | { kind: 'record'; store: string; value: unknown };

/** Where the text stopped being the JSON of one object: offset, line and column (from 1). */
export class BackupSyntaxError extends Error {
  constructor(
    readonly at: number,
    readonly line: number,
    readonly column: number,
    /** The text ended before the object did. */
    readonly cutShort: boolean,
  ) {
    super(cutShort ? `JSON cut short at ${line}:${column}` : `not JSON at ${line}:${column}`);
  }
}

type State = 'start' | 'key-or-end' | 'key' | 'colon' | 'value' | 'field' | 'element-or-end' | 'element' | 'after-value' | 'done';

const isSpace = (code: number) => code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09;

/** Splits the text of one JSON object into its fields and the elements of its arrays (see the file's comment). */
export class BackupSplitter {
  private state: State = 'start';
  private key = '';
  /** Text of the value being read, from earlier pieces of text. */
  private held: string[] = [];
  private capturing = false;
  private nest = 0;
  private inString = false;
  private escaped = false;
  /** The last array ended with a comma: another element must follow. */
  private elementDue = false;
  private keyDue = false;
  private offset = 0;
  private line = 1;
  private column = 1;
  private valueAt = { offset: 0, line: 1, column: 1 };
  private out: BackupPiece[] = [];

  /**
   * `readsRecordsOf` says whose records are parsed: a record of another store still comes out, its
   * value undefined and its text never joined or parsed (a restore reads one store per pass).
   */
  constructor(private readonly readsRecordsOf: (store: string) => boolean = () => true) {}

  /** Read the next piece of text; returns the fields and records it completed. Throws a BackupSyntaxError. */
  push(text: string): BackupPiece[] {
    const pieces: BackupPiece[] = (this.out = []);
    let start = 0;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (this.capturing) {
        if (this.inString) {
          if (this.escaped) this.escaped = false;
          else if (code === 0x5c) this.escaped = true;
          else if (code === 0x22) {
            this.inString = false;
            if (this.state === 'key') {
              this.key = this.parse(this.take(text, start, i + 1)) as string;
              this.state = 'colon';
            }
          }
        } else if (code === 0x22) this.inString = true;
        else if (code === 0x7b || code === 0x5b) this.nest++;
        else if (this.nest > 0 && (code === 0x7d || code === 0x5d)) this.nest--;
        else if (this.nest === 0 && (code === 0x2c || code === 0x7d || code === 0x5d)) {
          const skipped = this.state !== 'field' && !this.readsRecordsOf(this.key);
          const value = skipped ? this.drop() : this.parse(this.take(text, start, i));
          if (this.state === 'field') {
            if (code === 0x5d) this.fail();
            pieces.push({ kind: 'field', name: this.key, value });
            this.endObjectOrKey(code);
          } else {
            if (code === 0x7d) this.fail();
            pieces.push({ kind: 'record', store: this.key, value });
            this.elementDue = code === 0x2c;
            this.state = code === 0x2c ? 'element-or-end' : 'after-value';
          }
        }
      } else if (!isSpace(code)) this.step(code, () => (start = i));
      this.advance(code);
    }
    if (this.capturing) this.held.push(text.slice(start));
    return pieces;
  }

  /** The text has ended: throws a BackupSyntaxError unless it held one whole object. */
  end(): void {
    // Nothing but spaces is not a backup cut short: it never began.
    if (this.state !== 'done') throw new BackupSyntaxError(this.offset, this.line, this.column, this.state !== 'start');
  }

  /** A character outside any value being read: the structure of the object around its values. */
  private step(code: number, startHere: () => void): void {
    const begin = (state: State, inString: boolean) => {
      startHere();
      this.capturing = true;
      this.inString = inString;
      this.nest = 0;
      this.state = state;
      this.valueAt = { offset: this.offset, line: this.line, column: this.column };
    };
    switch (this.state) {
      case 'start':
        if (code !== 0x7b) this.fail();
        this.state = 'key-or-end';
        return;
      case 'key-or-end':
        if (code === 0x7d && !this.keyDue) this.state = 'done';
        else if (code === 0x22) begin('key', true);
        else this.fail();
        this.keyDue = false;
        return;
      case 'colon':
        if (code !== 0x3a) this.fail();
        this.state = 'value';
        return;
      case 'value':
        if (code === 0x5b) {
          this.out.push({ kind: 'array', name: this.key });
          this.state = 'element-or-end';
        } else begin('field', code === 0x22);
        if (code === 0x7b) this.nest = 1;
        return;
      case 'element-or-end':
        if (code === 0x5d && !this.elementDue) this.state = 'after-value';
        else if (code === 0x5d) this.fail();
        else {
          begin('element', code === 0x22);
          if (code === 0x7b || code === 0x5b) this.nest = 1;
        }
        this.elementDue = false;
        return;
      case 'after-value':
        if (code !== 0x2c && code !== 0x7d) this.fail();
        this.endObjectOrKey(code);
        return;
      default:
        this.fail();
    }
  }

  private endObjectOrKey(code: number): void {
    this.capturing = false;
    this.keyDue = code === 0x2c;
    this.state = code === 0x2c ? 'key-or-end' : 'done';
  }

  /** The text of the value that ends at `end` of this piece of text (with what earlier pieces held). */
  private take(text: string, start: number, end: number): string {
    this.held.push(text.slice(start, end));
    const value = this.held.join('');
    this.held = [];
    this.capturing = false;
    return value;
  }

  /** Forget the text of a value that is not read. */
  private drop(): undefined {
    this.held = [];
    this.capturing = false;
    return undefined;
  }

  private parse(json: string): unknown {
    try {
      return JSON.parse(json);
    } catch (error) {
      // V8 names the offset in the value ("at position 10"): the place in the file is counted from the value's start.
      const within = Math.min(Number(/position (\d+)/.exec(error instanceof Error ? error.message : '')?.[1] ?? 0), json.length);
      let { offset, line, column } = this.valueAt;
      for (let i = 0; i < within; i++) {
        offset++;
        if (json.charCodeAt(i) === 0x0a) {
          line++;
          column = 1;
        } else column++;
      }
      throw new BackupSyntaxError(offset, line, column, false);
    }
  }

  private fail(): never {
    throw new BackupSyntaxError(this.offset, this.line, this.column, false);
  }

  private advance(code: number): void {
    this.offset++;
    if (code === 0x0a) {
      this.line++;
      this.column = 1;
    } else this.column++;
  }
}

/** The object a backup's text holds, read piece by piece: what JSON.parse of the whole would give. */
export function assembleBackup(texts: Iterable<string>): Record<string, unknown> {
  const splitter = new BackupSplitter();
  const backup: Record<string, unknown> = {};
  for (const text of texts) for (const piece of splitter.push(text)) addPiece(backup, piece);
  splitter.end();
  return backup;
}

/** Put a piece where JSON.parse would: a field as it is, a record at the end of its store's array. */
export function addPiece(backup: Record<string, unknown>, piece: BackupPiece): void {
  if (piece.kind === 'record') (backup[piece.store] as unknown[]).push(piece.value);
  // Defined, not assigned: a field named "__proto__" is an own field, as JSON.parse makes it,
  // not a change of the object's prototype.
  else Object.defineProperty(backup, piece.name, { value: piece.kind === 'field' ? piece.value : [], enumerable: true, writable: true, configurable: true });
}
