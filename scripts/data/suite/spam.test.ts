import { describe, expect, it } from 'vitest';
import { chooseVocabulary, messageWords } from './spam';

describe('spam bag of words', () => {
  it('takes words from the Subject line and the body, not from the other headers', () => {
    const w = messageWords('From: someone@server.example\nSubject: Cheap LOANS today\nX-Mailer: bulkmail\n\nClick here: www.x.com 4free a1\n');
    expect([...w].sort()).toEqual(['a1', 'cheap', 'click', 'com', 'free', 'here', 'loans', 'today', 'www'].sort());
    expect(w.has('bulkmail')).toBe(false);
  });
  it('a message without a body still gives its subject', () => {
    expect([...messageWords('Subject: hello world')]).toEqual(['hello', 'world']);
  });
  it('chooses the words in most documents, ties alphabetically', () => {
    const docs = [new Set(['b', 'a', 'c']), new Set(['b', 'c']), new Set(['b', 'd'])];
    expect(chooseVocabulary(docs, 3)).toEqual(['b', 'c', 'a']);
  });
});
