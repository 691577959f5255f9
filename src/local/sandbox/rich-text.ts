// In-memory SpreadsheetApp (Node only): RichTextValue, its builder and TextStyleBuilder.
// Public methods are counted by `instrument` as 'Class.method'; internal delegation goes through `st.quiet`.
import { instrument, type SandboxState } from './state';

// ---------------------------------------------------------------- rich text

export class RichTextValueBuilderImpl {
  text = '';
  link: string | null = null;
  constructor(readonly st: SandboxState) {}
  setText(t: string) {
    this.text = String(t);
    return this;
  }
  setLinkUrl(a: unknown, b?: unknown, c?: unknown) {
    this.link = c !== undefined ? (c === null ? null : String(c)) : a === null ? null : String(a);
    void b;
    return this;
  }
  setTextStyle(..._a: unknown[]) {
    return this;
  }
  build() {
    return new RichTextValueImpl(this.st, this.text, this.link);
  }
}

export class RichTextValueImpl {
  constructor(
    readonly st: SandboxState,
    readonly text: string,
    readonly link: string | null,
  ) {}
  getText() {
    return this.text;
  }
  getLinkUrl(..._a: unknown[]) {
    return this.link;
  }
  getRuns() {
    const a = this.st.realm.newArray(1);
    a[0] = this;
    return a;
  }
  getStartIndex() {
    return 0;
  }
  getEndIndex() {
    return this.text.length;
  }
  copy() {
    const b = new RichTextValueBuilderImpl(this.st);
    b.text = this.text;
    b.link = this.link;
    return b;
  }
}
instrument(RichTextValueBuilderImpl, 'RichTextValueBuilder');
instrument(RichTextValueImpl, 'RichTextValue');

export class TextStyleBuilderImpl {
  constructor(readonly st: SandboxState) {}
  setBold(_b: boolean) {
    return this;
  }
  setItalic(_b: boolean) {
    return this;
  }
  setUnderline(_b: boolean) {
    return this;
  }
  setForegroundColor(_c: string) {
    return this;
  }
  setFontSize(_n: number) {
    return this;
  }
  setFontFamily(_f: string) {
    return this;
  }
  build() {
    return { st: this.st };
  }
}
instrument(TextStyleBuilderImpl, 'TextStyleBuilder');
