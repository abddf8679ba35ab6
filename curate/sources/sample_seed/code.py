"""Coding tasks of the embedded sample: small solutions written for this project.

Each language seed describes (a subset of) these tasks in its own words; the code is shared.
"""

PY, JS, SQL, SH, GO, RS, C = (
    ("Python", "python"), ("JavaScript", "javascript"), ("SQL", "sql"), ("Bash", "bash"),
    ("Go", "go"), ("Rust", "rust"), ("C", "c"),
)

_TASKS = [
    ("palindrome", PY, "is_palindrome", '''def is_palindrome(text: str) -> bool:
    """True if text reads the same both ways, ignoring case and non-alphanumerics."""
    chars = [c.lower() for c in text if c.isalnum()]
    return chars == chars[::-1]'''),
    ("word_freq", PY, "word_frequencies", '''import re
from collections import Counter


def word_frequencies(text: str, top: int = 10) -> list[tuple[str, int]]:
    words = re.findall(r"[a-z']+", text.lower())
    return Counter(words).most_common(top)'''),
    ("flatten", PY, "flatten", '''def flatten(items):
    """Yield the leaves of arbitrarily nested lists and tuples."""
    for item in items:
        if isinstance(item, (list, tuple)):
            yield from flatten(item)
        else:
            yield item'''),
    ("chunk", PY, "chunked", '''def chunked(items: list, size: int) -> list[list]:
    if size <= 0:
        raise ValueError("size must be positive")
    return [items[i:i + size] for i in range(0, len(items), size)]'''),
    ("merge_intervals", PY, "merge_intervals", '''def merge_intervals(intervals: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(intervals):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged'''),
    ("binary_search", PY, "binary_search", '''def binary_search(sorted_items: list[int], target: int) -> int:
    """Index of target in sorted_items, or -1 when absent."""
    lo, hi = 0, len(sorted_items) - 1
    while lo <= hi:
        mid = (lo + hi) // 2
        if sorted_items[mid] == target:
            return mid
        if sorted_items[mid] < target:
            lo = mid + 1
        else:
            hi = mid - 1
    return -1'''),
    ("fizzbuzz", PY, "fizzbuzz", '''def fizzbuzz(n: int) -> list[str]:
    out = []
    for i in range(1, n + 1):
        word = ("Fizz" if i % 3 == 0 else "") + ("Buzz" if i % 5 == 0 else "")
        out.append(word or str(i))
    return out'''),
    ("is_prime", PY, "is_prime", '''def is_prime(n: int) -> bool:
    if n < 2:
        return False
    if n % 2 == 0:
        return n == 2
    d = 3
    while d * d <= n:
        if n % d == 0:
            return False
        d += 2
    return True'''),
    ("fibonacci", PY, "fibonacci", '''def fibonacci(n: int) -> list[int]:
    """The first n Fibonacci numbers, computed iteratively."""
    seq, a, b = [], 0, 1
    for _ in range(n):
        seq.append(a)
        a, b = b, a + b
    return seq'''),
    ("rotate_matrix", PY, "rotate_clockwise", '''def rotate_clockwise(matrix: list[list[int]]) -> list[list[int]]:
    """Rotate a square matrix by 90 degrees clockwise, returning a new matrix."""
    return [list(row) for row in zip(*matrix[::-1])]'''),
    ("dedupe", PY, "unique_in_order", '''def unique_in_order(items):
    seen = set()
    result = []
    for item in items:
        if item not in seen:
            seen.add(item)
            result.append(item)
    return result'''),
    ("duration", PY, "parse_duration", '''import re

_UNITS = {"h": 3600, "m": 60, "s": 1}


def parse_duration(text: str) -> int:
    """'1h30m' -> 5400 seconds."""
    parts = re.findall(r"(\\d+)\\s*([hms])", text.lower())
    if not parts:
        raise ValueError(f"not a duration: {text!r}")
    return sum(int(n) * _UNITS[u] for n, u in parts)'''),
    ("caesar", PY, "caesar", '''def caesar(text: str, shift: int) -> str:
    out = []
    for ch in text:
        if ch.isalpha():
            base = ord("A") if ch.isupper() else ord("a")
            out.append(chr((ord(ch) - base + shift) % 26 + base))
        else:
            out.append(ch)
    return "".join(out)'''),
    ("roman", PY, "roman_to_int", '''VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}


def roman_to_int(numeral: str) -> int:
    total = 0
    for i, ch in enumerate(numeral):
        value = VALUES[ch]
        if i + 1 < len(numeral) and VALUES[numeral[i + 1]] > value:
            total -= value
        else:
            total += value
    return total'''),
    ("anagrams", PY, "group_anagrams", '''from collections import defaultdict


def group_anagrams(words: list[str]) -> list[list[str]]:
    groups = defaultdict(list)
    for word in words:
        groups["".join(sorted(word.lower()))].append(word)
    return list(groups.values())'''),
    ("moving_avg", PY, "moving_average", '''def moving_average(values: list[float], window: int) -> list[float]:
    if window <= 0 or window > len(values):
        return []
    total = sum(values[:window])
    out = [total / window]
    for i in range(window, len(values)):
        total += values[i] - values[i - window]
        out.append(total / window)
    return out'''),
    ("brackets", PY, "balanced", '''PAIRS = {")": "(", "]": "[", "}": "{"}


def balanced(text: str) -> bool:
    stack = []
    for ch in text:
        if ch in "([{":
            stack.append(ch)
        elif ch in PAIRS:
            if not stack or stack.pop() != PAIRS[ch]:
                return False
    return not stack'''),
    ("csv_column", PY, "column_values", '''import csv


def column_values(path: str, column: str) -> list[str]:
    with open(path, newline="", encoding="utf-8") as f:
        reader = csv.DictReader(f)
        if column not in (reader.fieldnames or []):
            raise KeyError(column)
        return [row[column] for row in reader]'''),
    ("retry", PY, "retry", '''import functools
import time


def retry(times: int = 3, delay: float = 0.5, backoff: float = 2.0):
    def decorate(func):
        @functools.wraps(func)
        def wrapper(*args, **kwargs):
            wait = delay
            for attempt in range(times):
                try:
                    return func(*args, **kwargs)
                except Exception:
                    if attempt == times - 1:
                        raise
                    time.sleep(wait)
                    wait *= backoff
        return wrapper
    return decorate'''),
    ("second_largest", PY, "second_largest", '''def second_largest(numbers: list[int]) -> int | None:
    first = second = None
    for n in numbers:
        if first is None or n > first:
            first, second = n, first
        elif n != first and (second is None or n > second):
            second = n
    return second'''),
    ("snake_case", PY, "to_snake_case", '''import re


def to_snake_case(name: str) -> str:
    name = re.sub(r"([a-z0-9])([A-Z])", r"\\1_\\2", name)
    return re.sub(r"[\\s\\-]+", "_", name).lower()'''),
    ("kadane", PY, "max_subarray_sum", '''def max_subarray_sum(nums: list[int]) -> int:
    best = current = nums[0]
    for n in nums[1:]:
        current = max(n, current + n)
        best = max(best, current)
    return best'''),
    ("debounce", JS, "debounce", '''function debounce(fn, wait) {
  let timer = null;
  return function (...args) {
    clearTimeout(timer);
    timer = setTimeout(() => fn.apply(this, args), wait);
  };
}'''),
    ("group_by", JS, "groupBy", '''function groupBy(items, keyFn) {
  return items.reduce((groups, item) => {
    const key = keyFn(item);
    (groups[key] ||= []).push(item);
    return groups;
  }, {});
}'''),
    ("capitalize", JS, "capitalizeWords", '''function capitalizeWords(text) {
  return text
    .split(" ")
    .map((w) => (w ? w[0].toUpperCase() + w.slice(1).toLowerCase() : w))
    .join(" ");
}'''),
    ("fetch_timeout", JS, "fetchJson", '''async function fetchJson(url, ms = 5000) {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), ms);
  try {
    const res = await fetch(url, { signal: controller.signal });
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    return await res.json();
  } finally {
    clearTimeout(timer);
  }
}'''),
    ("top_customers", SQL, "top_customers", '''SELECT c.id, c.name, SUM(o.amount) AS total_spent
FROM customers AS c
JOIN orders AS o ON o.customer_id = c.id
GROUP BY c.id, c.name
ORDER BY total_spent DESC
LIMIT 5;'''),
    ("dup_emails", SQL, "duplicate_emails", '''SELECT LOWER(email) AS email, COUNT(*) AS n
FROM users
GROUP BY LOWER(email)
HAVING COUNT(*) > 1
ORDER BY n DESC;'''),
    ("monthly_revenue", SQL, "monthly_revenue", '''SELECT DATE_TRUNC('month', created_at) AS month,
       SUM(amount) AS revenue
FROM orders
WHERE status = 'paid'
GROUP BY 1
ORDER BY 1;'''),
    ("backup", SH, "backup.sh", '''#!/usr/bin/env bash
set -euo pipefail
src="${1:?usage: backup.sh SOURCE_DIR [DEST_DIR]}"
dest="${2:-$HOME/backups}"
mkdir -p "$dest"
stamp="$(date +%Y-%m-%d_%H%M)"
tar -czf "$dest/$(basename "$src")-$stamp.tar.gz" -C "$(dirname "$src")" "$(basename "$src")"
echo "saved $dest/$(basename "$src")-$stamp.tar.gz"'''),
    ("count_lines", SH, "count_lines.sh", '''#!/usr/bin/env bash
set -euo pipefail
find "${1:-.}" -type f -name '*.py' -print0 \\
  | xargs -0 wc -l \\
  | sort -n \\
  | tail -n 15'''),
    ("reverse_runes", GO, "Reverse", '''func Reverse(s string) string {
	r := []rune(s)
	for i, j := 0, len(r)-1; i < j; i, j = i+1, j-1 {
		r[i], r[j] = r[j], r[i]
	}
	return string(r)
}'''),
    ("word_count_go", GO, "WordCount", '''func WordCount(text string) map[string]int {
	counts := make(map[string]int)
	for _, w := range strings.Fields(strings.ToLower(text)) {
		counts[strings.Trim(w, ".,;:!?\\"'")]++
	}
	return counts
}'''),
    ("leap_year", RS, "is_leap_year", '''fn is_leap_year(year: u32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}'''),
    ("gcd_rust", RS, "gcd", '''fn gcd(mut a: u64, mut b: u64) -> u64 {
    while b != 0 {
        let t = b;
        b = a % b;
        a = t;
    }
    a
}'''),
    ("str_reverse_c", C, "reverse_in_place", '''#include <string.h>

void reverse_in_place(char *s) {
    size_t n = strlen(s);
    for (size_t i = 0; i < n / 2; i++) {
        char tmp = s[i];
        s[i] = s[n - 1 - i];
        s[n - 1 - i] = tmp;
    }
}'''),
]

CODE_TASKS = {
    tid: {"lang_name": lang[0], "fence": lang[1], "name": name, "code": code}
    for tid, lang, name, code in _TASKS
}
