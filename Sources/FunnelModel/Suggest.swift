/// "Did you mean ...?": the closest name or parameter path to one that was
/// mistyped, for the reader's messages and for changes that match nothing.
public enum Suggest {
    /// Levenshtein distance.
    public static func distance(_ a: String, _ b: String) -> Int {
        let x = Array(a.unicodeScalars), y = Array(b.unicodeScalars)
        if x.isEmpty { return y.count }
        if y.isEmpty { return x.count }
        var prev = Array(0...y.count)
        var cur = Array(repeating: 0, count: y.count + 1)
        for i in 1...x.count {
            cur[0] = i
            for j in 1...y.count {
                cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1))
            }
            swap(&prev, &cur)
        }
        return prev[y.count]
    }

    /// The candidate closest to `word` where it is close enough to be a typo.
    public static func closest(_ word: String, among candidates: [String]) -> String? {
        let w = word.lowercased()
        let scored = candidates.map { ($0, distance(w, $0.lowercased())) }
        guard let best = scored.min(by: { $0.1 < $1.1 }) else { return nil }
        if best.1 <= max(1, min(3, word.count / 3)) { return best.0 }
        // A shortened or lengthened name: `horizon` for `horizon_days`.
        guard w.count >= 4 else { return nil }
        return candidates.first { $0.lowercased().hasPrefix(w) || ($0.count >= 4 && w.hasPrefix($0.lowercased())) }
    }

    /// Up to three parameter paths closest to `pattern` (edit distance,
    /// segment by segment where the segment counts agree; a `*` in the
    /// pattern matches anything and stays a `*` in the suggestion).
    public static func closestPaths(_ pattern: String, _ paths: [String], count: Int = 3) -> [String] {
        let p = pattern.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        var scored: [(suggestion: String, distance: Int, order: Int)] = []
        for (i, path) in paths.enumerated() {
            let s = path.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
            if s.count == p.count {
                let d = zip(p, s).reduce(0) { $0 + ($1.0 == "*" ? 0 : Suggest.distance($1.0, $1.1)) }
                let suggestion = zip(p, s).map { $0.0 == "*" ? "*" : $0.1 }.joined(separator: ".")
                scored.append((suggestion, d, i))
            } else {
                scored.append((path, Suggest.distance(pattern, path), i))
            }
        }
        scored.sort { ($0.distance, $0.order) < ($1.distance, $1.order) }
        var out: [String] = []
        for s in scored where !out.contains(s.suggestion) {
            out.append(s.suggestion)
            if out.count == count { break }
        }
        return out
    }
}
