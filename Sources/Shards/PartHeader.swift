import Forecast

/// The header of a `.fcpart` file (docs/scale-out.md): who made the part
/// and of what, so that a merge can refuse parts that do not belong
/// together before reading their bodies.
public struct PartHeader: Sendable, Equatable {
    /// The layout of the file; a reader refuses any other. 2: the builder
    /// carries the restricted time to fill and the funnel's released counts.
    /// 3: the starts by each deadline and the k-th starts (MODEL.md 21.9).
    /// 4: the parts of `plan` (body kind 5: levers' results and a workload)
    /// and of `report` (commands a version-3 reader does not know), and the
    /// pools' utilisation and waits (MODEL.md 21.4) in the builder's state.
    /// Also in 4: a tornado's body holds each run's statistics over its
    /// batches too. 5: each sourcing channel's funnel, applicants, hires
    /// and cost (MODEL.md 21.5) after the starts.
    public static let formatVersion: UInt32 = 5

    public var formatVersion: UInt32 = PartHeader.formatVersion
    /// The funnelcast version that wrote it (`funnelcast --version`).
    public var toolVersion: String
    /// `ScenarioFingerprint.of` the scenario as loaded, and its name (for messages).
    public var scenarioHash: UInt64
    public var scenarioName: String
    /// The scenario file as given on the command line, and its text: a
    /// merge rebuilds the scenario from them (no other file needed), and
    /// checks it against `scenarioHash`.
    public var scenarioFile: String = ""
    public var scenarioText: String = ""
    /// The scenario's trials after --trials (a Sobol design's rows, a
    /// tornado run's trials), and the seed after --seed.
    public var trials: Int = 0
    public var seed: UInt64
    /// N: the units of the whole run (`unit`: trials, evaluations, runs).
    public var total: Int
    public var unit: String
    public var shard: Shard
    /// This part's units: `shard.range(of: total)`.
    public var range: Range<Int>
    /// The command (`run`, `compare`, `sensitivity`, `plan`, `report`) and every option that
    /// changes a result (not --threads, --out, --shard), as key and value
    /// in a fixed order.
    public var command: String
    public var options: [Option]

    public struct Option: Sendable, Equatable {
        public var key: String, value: String
        public init(_ key: String, _ value: String) { self.key = key; self.value = value }
    }

    public init(toolVersion: String, scenarioHash: UInt64, scenarioName: String, seed: UInt64, total: Int, unit: String,
                shard: Shard, command: String, options: [Option]) {
        self.toolVersion = toolVersion
        self.scenarioHash = scenarioHash
        self.scenarioName = scenarioName
        self.seed = seed
        self.total = total
        self.unit = unit
        self.shard = shard
        self.range = shard.range(of: total)
        self.command = command
        self.options = options
    }

    /// `key=value ...` of the options, for messages.
    public var optionsText: String {
        options.isEmpty ? "(none)" : options.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
    }

    func encode(into w: inout ByteWriter) {
        w.string(toolVersion)
        w.u64(scenarioHash)
        w.string(scenarioName)
        w.string(scenarioFile)
        w.string(scenarioText)
        w.int(trials)
        w.u64(seed)
        w.int(total)
        w.string(unit)
        w.int(shard.index)
        w.int(shard.count)
        w.int(range.lowerBound)
        w.int(range.upperBound)
        w.string(command)
        w.int(options.count)
        for o in options { w.string(o.key); w.string(o.value) }
    }

    /// Reads the fields after the format version.
    static func decode(_ r: inout ByteReader) throws(ByteReader.Failure) -> PartHeader {
        let tool = try r.string(), hash = try r.u64(), name = try r.string()
        let file = try r.string(), text = try r.string(), trials = try r.int(), seed = try r.u64()
        let total = try r.int(), unit = try r.string()
        let k = try r.int(), n = try r.int(), lo = try r.int(), hi = try r.int()
        guard let shard = Shard(index: k, count: n), total >= 0 else { throw .invalid("shard \(k)/\(n) of \(total)") }
        let command = try r.string()
        let count = try r.count(width: 16)
        var options: [Option] = []
        for _ in 0..<count { options.append(Option(try r.string(), try r.string())) }
        var h = PartHeader(toolVersion: tool, scenarioHash: hash, scenarioName: name, seed: seed, total: total, unit: unit,
                           shard: shard, command: command, options: options)
        guard lo <= hi else { throw .invalid("a range \(lo)..<\(hi)") }
        h.range = lo..<hi
        h.scenarioFile = file
        h.scenarioText = text
        h.trials = trials
        return h
    }
}
