// Every interface label Newsroom has in both languages, read from the
// sources themselves so that a new label is checked without being listed
// here: the server's pages (Say / SayText pairs and `en ? "…" : "…"`
// choices in src/site and src/server), the browser script's dictionaries
// (web/src/i18n.ts) and the rule table (web/src/rules.ts). A page of a
// Turkish site must show none of the English halves, and the other way
// round.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { REPO } from "./harness.mjs";

const LITERALS = String.raw`((?:"(?:[^"\\]|\\.)*"\s*)+)`;

// The text of adjacent C++ string literals ("a " "b" → "a b").
function literal(source) {
  let out = "";
  for (const m of source.matchAll(/"((?:[^"\\]|\\.)*)"/g)) {
    out += m[1].replace(/\\n/g, "\n").replace(/\\(.)/g, "$1");
  }
  return out;
}

function cppPairs(file) {
  const text = readFileSync(file, "utf8");
  const pairs = [];
  const say = new RegExp(String.raw`Say(?:Text)?\(\s*info\s*,\s*` + LITERALS + String.raw`,\s*` + LITERALS + String.raw`\)`, "g");
  for (const m of text.matchAll(say)) pairs.push({ tr: literal(m[1]), en: literal(m[2]) });
  // en ? "English" : "Türkçe"
  const choice = new RegExp(String.raw`(?:\ben|Lang::kEn)\s*\?\s*` + LITERALS + String.raw`:\s*` + LITERALS, "g");
  for (const m of text.matchAll(choice)) pairs.push({ en: literal(m[1]), tr: literal(m[2]) });
  return pairs;
}

function tsDictionary(text, name) {
  const start = text.indexOf(`const ${name}`);
  if (start < 0) return {};
  const body = text.slice(start, text.indexOf("\n};", start));
  const out = {};
  for (const m of body.matchAll(/^\s+(\w+):\s*"((?:[^"\\]|\\.)*)",?$/gm)) out[m[1]] = m[2];
  return out;
}

function tsPairs() {
  const text = readFileSync(path.join(REPO, "web/src/i18n.ts"), "utf8");
  const tr = tsDictionary(text, "tr");
  const en = tsDictionary(text, "en");
  const pairs = [];
  for (const key of Object.keys(tr)) if (key in en) pairs.push({ tr: tr[key], en: en[key] });
  const rules = readFileSync(path.join(REPO, "web/src/rules.ts"), "utf8");
  for (const m of rules.matchAll(/\{ tr: "((?:[^"\\]|\\.)*)", en: "((?:[^"\\]|\\.)*)" \}/g)) {
    pairs.push({ tr: m[1], en: m[2] });
  }
  return pairs;
}

// [{tr, en}], each half a whole label; pairs that read the same in both
// languages ("RSS") and one-letter words are left out.
export function labelPairs() {
  const pairs = [];
  for (const dir of ["src/site", "src/server"]) {
    for (const f of readdirSync(path.join(REPO, dir))) {
      if (f.endsWith(".cc") && !f.endsWith("_test.cc")) pairs.push(...cppPairs(path.join(REPO, dir, f)));
    }
  }
  pairs.push(...tsPairs());
  return pairs.filter((p) => p.tr && p.en && p.tr !== p.en);
}

// The labels of `lang`'s other language, as phrases to look for: each
// label, and each sentence of a long one.
export function otherLanguageLabels(lang) {
  const other = lang === "tr" ? "en" : "tr";
  const phrasesOf = (language) => {
    const phrases = new Set();
    for (const p of labelPairs()) {
      const label = p[language].trim();
      if (label.replace(/[^\p{L}]/gu, "").length < 3) continue;
      // A label with placeholders (${…}, {n}) is checked by its fixed words.
      for (const part of label.split(/\$\{[^}]*\}|%[sd]|[«»“”"():…]|\. /)) {
        const phrase = part.trim().replace(/[.,;:!?]+$/, "");
        if (phrase.replace(/[^\p{L}]/gu, "").length >= 3) phrases.add(phrase);
      }
    }
    return phrases;
  };
  // A phrase both languages' labels use ("slug", the "https" of a link's
  // example) belongs to neither.
  const own = phrasesOf(lang);
  return [...phrasesOf(other)].filter((phrase) => !own.has(phrase));
}

// The phrases of `labels` that stand as whole words in `text`.
export function foundLabels(text, labels) {
  const found = [];
  for (const label of labels) {
    const escaped = label.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    if (new RegExp(`(^|[^\\p{L}])${escaped}($|[^\\p{L}])`, "u").test(text)) found.push(label);
  }
  return found;
}
