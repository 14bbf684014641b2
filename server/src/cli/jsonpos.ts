/**
 * Where a JSON text goes wrong: the offset of the first syntax error, for messages that name the line (V8's
 * JSON.parse errors often give no position: `Unexpected token ',', "…" is not valid JSON`). A small validating
 * scanner (strict JSON, as JSON.parse), iterative so that deep nesting cannot overflow the stack.
 */

const WS = new Set([0x20, 0x09, 0x0a, 0x0d]);

/** Offset of the first syntax error in `text`, or -1 when it is valid JSON. */
export function jsonErrorOffset(text: string): number {
  let i = 0;
  const n = text.length;
  const ws = () => {
    while (i < n && WS.has(text.charCodeAt(i))) i++;
  };
  /** a string starting at i (on the quote); returns false at a bad character (i on it) */
  const str = (): boolean => {
    i++;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        i++;
        return true;
      }
      if (c < 0x20) return false;
      if (c === 0x5c) {
        const e = text[i + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) return false;
          i += 6;
          continue;
        }
        if (e === undefined || !'"\\/bfnrt'.includes(e)) return false;
        i += 2;
        continue;
      }
      i++;
    }
    return false;
  };
  const NUM = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
  /** a scalar at i; false when there is none */
  const scalar = (): boolean => {
    const c = text[i];
    if (c === '"') return str();
    for (const w of ['true', 'false', 'null']) {
      if (text.startsWith(w, i)) {
        i += w.length;
        return true;
      }
    }
    NUM.lastIndex = i;
    if (NUM.exec(text)) {
      i = NUM.lastIndex;
      return true;
    }
    return false;
  };
  // containers on a stack: 'o' object, 'a' array
  const stack: ('o' | 'a')[] = [];
  ws();
  for (;;) {
    // expecting a value
    ws();
    if (i >= n) return i;
    const c = text[i];
    if (c === '{' || c === '[') {
      stack.push(c === '{' ? 'o' : 'a');
      i++;
      ws();
      if (text[i] === (c === '{' ? '}' : ']')) {
        i++;
        stack.pop();
      } else if (c === '{') {
        if (text[i] !== '"' || !str()) return i;
        ws();
        if (text[i] !== ':') return i;
        i++;
        continue;
      } else continue;
    } else if (!scalar()) return i;
    // after a value: close containers or go on to the next member
    for (;;) {
      ws();
      const top = stack[stack.length - 1];
      if (top === undefined) return i < n ? i : -1;
      const d = text[i];
      if (d === ',') {
        i++;
        if (top === 'o') {
          ws();
          if (text[i] !== '"' || !str()) return i;
          ws();
          if (text[i] !== ':') return i;
          i++;
        }
        break;
      }
      if ((top === 'o' && d === '}') || (top === 'a' && d === ']')) {
        i++;
        stack.pop();
        continue;
      }
      return i;
    }
  }
}
