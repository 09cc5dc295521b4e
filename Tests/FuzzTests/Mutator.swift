import TestSupport

/// Seeded mutations of scenario text: byte flips, line deletions,
/// duplications and moves, indentation changes, truncation, lines spliced
/// from another file, and tokens swapped for YAML-meaningful ones (flow
/// indicators, anchors and aliases, tags, block scalars, numbers at the edges
/// of what a double holds, dates, field names, small distributions).
///
/// Input `i` of a run depends on (seed, i) alone, so a failure is reproduced
/// by its index whatever the thread count.
struct Mutator {
    let seeds: [String]
    /// Each seed's lines, split once.
    private let seedLines: [[String]]

    init(seeds: [String]) {
        self.seeds = seeds
        seedLines = seeds.map { $0.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) }
    }

    /// Tokens a scenario writer (or a bad copy-paste) might put anywhere.
    static let tokens: [String] = [
        // Structure.
        "{", "}", "[", "]", ":", ": ", ",", "- ", "-", "? ", "?", "#", "\"", "'", "|", ">", "|-", ">+", "---", "...",
        "<<: *a", "{}", "[]", "[[[[", "{{{{", "]]", "}}", "%YAML 1.2", "%TAG ! tag:x,2000:",
        // Anchors, aliases, tags.
        "&a", "*a", "&b", "*b", "&a [*b, *b]", "&b [1, 1, 1]", "*undefined", "!!str", "!!int", "!!float", "!!bool",
        "!!null", "!!map", "!!seq", "!!binary", "!!timestamp", "!foo", "!", "!<tag:yaml.org,2002:str>",
        // Nulls and booleans.
        "~", "null", "Null", "true", "false", "yes", "no", "on", "off", "y", "n",
        // Numbers at the edges.
        "0", "-0", "+0", "0.0", "-0.0", "1", "-1", "0.5", "1.5", "2", "7", "100", "1e400", "-1e400", "1e300", "-1e300",
        "1e-300", "5e-324", "1.7976931348623157e308", "4.9e-324", "1e15", "1e-15", "1E3", "1_000", "0x1F", "0o17",
        "017", "1:30", "99999999999999999999", "2147483647", "2147483648", "-2147483649", "4294967296",
        "18446744073709551615", "18446744073709551616", "9223372036854775807", ".nan", ".NaN", "nan", ".inf", "-.inf",
        "+.inf", "inf", "Infinity", "0,5", "1.2.3", "--1", "+-1", "1e", ".5", "5.", "1__0",
        // Dates.
        "2027-02-30", "2027-13-01", "2027-00-10", "0001-01-01", "9999-12-31", "2027-3-1", "2027-03-01T10:00:00Z",
        "2027-03-01 10:00", "01/03/2027", "20270301", "1 March 2027", "2028-02-29", "2027-02-29", "1970-01-01",
        // Names.
        "dist", "normal", "gamma", "beta", "lognormal", "uniform", "triangular", "pert", "poisson", "empirical",
        "constant", "weibull", "exponential", "name", "start", "horizon_days", "trials", "seed", "requisitions",
        "stages", "openings", "pass", "interview", "no_show", "offer", "accept", "sourcing", "applicants_per_week",
        "initial_pool", "max_applicants", "slate_size", "max_wait_days", "freezes_per_year", "freeze_days",
        "background_check", "interventions", "changes", "x0.5", "+2", "x0", "x1e300", "*",
        // Small distributions, some at the edges of validity.
        "{dist: beta, successes: 0, trials: 1}", "{dist: uniform, min: 0, max: 0}", "{dist: uniform, min: 1, max: 1}",
        "{dist: triangular, min: 2, mode: 2, max: 2}", "{dist: gamma, mean: 1e300, sd: 1e-300}",
        "{dist: gamma, shape: 1e-300, scale: 1}", "{dist: lognormal, mu: 700, sigma: 0.1}",
        "{dist: lognormal, median: 1e-300, p90: 1}", "{dist: beta, alpha: 1e-150, beta: 1e-150}",
        "{dist: empirical, values: [0, 1e308]}", "{dist: empirical, values: [1, 2], weights: [0, 0]}",
        "{dist: poisson, mean: 1e15}", "{dist: weibull, scale: 1, shape: 1e-3}", "{dist: normal, mean: 4, sd: 1}",
        "{dist: exponential, mean: 1e-300}", "{dist: pert, min: 0, mode: 0, max: 1}",
        // Odd characters.
        "\t", "\r", "\u{FEFF}", "\u{0085}", "\u{2028}", "\u{00A0}", "\u{0000}", "\u{001B}", "é", "日本", "😀", "\\",
    ]

    /// Deterministic generator: SplitMix64, seeded per input.
    typealias Generator = SplitMix64

    /// Input `index` of the run with `seed`: a seed file with 1 to 4 mutations.
    func input(_ index: Int, seed: UInt64) -> String {
        var g = Generator(seed: seed ^ (UInt64(index) &* 0xD1B5_4A32_D192_ED03))
        let which = Int.random(in: 0..<seeds.count, using: &g)
        var lines = seedLines[which]
        // Mostly one mutation, so that a fair share of inputs still load and reach the engine.
        let roll = Int.random(in: 0..<20, using: &g)
        let rounds = roll < 12 ? 1 : roll < 17 ? 2 : Int.random(in: 3...4, using: &g)
        for _ in 0..<rounds { mutate(&lines, &g) }
        var text = lines.joined(separator: "\n")
        // Byte-level mutations apply to the whole text.
        if Int.random(in: 0..<6, using: &g) == 0 { text = flipBytes(text, &g) }
        return text
    }

    private func mutate(_ lines: inout [String], _ g: inout Generator) {
        guard !lines.isEmpty else { lines = [Mutator.tokens.randomElement(using: &g)!]; return }
        let n = Int.random(in: 0..<lines.count, using: &g)
        switch Int.random(in: 0..<12, using: &g) {
        case 0:  // Delete a line.
            lines.remove(at: n)
        case 1:  // Duplicate a line, in place or elsewhere.
            let to = Bool.random(using: &g) ? n : Int.random(in: 0...lines.count, using: &g)
            lines.insert(lines[n], at: to)
        case 2:  // Move a line.
            let line = lines.remove(at: n)
            lines.insert(line, at: Int.random(in: 0...lines.count, using: &g))
        case 3:  // Indent or dedent.
            if Bool.random(using: &g) {
                lines[n] = String(repeating: " ", count: Int.random(in: 1...4, using: &g)) + lines[n]
            } else {
                lines[n] = String(lines[n].drop { $0 == " " }.prefix(lines[n].count))
                if Bool.random(using: &g) { lines[n] = "  " + lines[n] }
            }
        case 4:  // Truncate the file.
            lines.removeSubrange(n...)
            if let last = lines.last, !last.isEmpty {
                lines[lines.count - 1] = String(last.prefix(Int.random(in: 0..<last.count, using: &g)))
            }
        case 5:  // Splice a line from another seed file.
            let other = seedLines.randomElement(using: &g)!
            if let line = other.randomElement(using: &g) { lines.insert(line, at: n) }
        case 6:  // Insert a token line.
            lines.insert(Mutator.tokens.randomElement(using: &g)! + (Bool.random(using: &g) ? "" : ": 1"), at: n)
        default:  // Swap a token of the line for a YAML-meaningful one (the most common mutation).
            lines[n] = swapToken(lines[n], &g)
        }
    }

    /// Replaces one token of `line` (a run between separators), or inserts
    /// one at a random position.
    private func swapToken(_ line: String, _ g: inout Generator) -> String {
        let token = Mutator.tokens.randomElement(using: &g)!
        var chars = Array(line)
        guard !chars.isEmpty else { return token }
        let separators: Set<Character> = [" ", ":", ",", "[", "]", "{", "}", "#"]
        var spans: [Range<Int>] = []
        var i = 0
        while i < chars.count {
            if separators.contains(chars[i]) { i += 1; continue }
            let s = i
            while i < chars.count && !separators.contains(chars[i]) { i += 1 }
            spans.append(s..<i)
        }
        if spans.isEmpty || Int.random(in: 0..<5, using: &g) == 0 {
            let at = Int.random(in: 0...chars.count, using: &g)
            chars.insert(contentsOf: token, at: at)
        } else {
            chars.replaceSubrange(spans.randomElement(using: &g)!, with: token)
        }
        return String(chars)
    }

    /// Flips 1 to 3 bytes of the UTF-8 text (invalid sequences become U+FFFD,
    /// as they would have to be to reach the parser as a String).
    private func flipBytes(_ text: String, _ g: inout Generator) -> String {
        var bytes = Array(text.utf8)
        guard !bytes.isEmpty else { return text }
        for _ in 0..<Int.random(in: 1...3, using: &g) {
            let at = Int.random(in: 0..<bytes.count, using: &g)
            switch Int.random(in: 0..<3, using: &g) {
            case 0: bytes[at] ^= UInt8(1) << UInt8.random(in: 0..<8, using: &g)
            case 1: bytes[at] = UInt8.random(in: 0...255, using: &g)
            default: bytes[at] = [0x00, 0x09, 0x0A, 0x0D, 0x22, 0x27, 0x3A, 0x7F, 0x20, 0x2D, 0x23].randomElement(using: &g)!
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
