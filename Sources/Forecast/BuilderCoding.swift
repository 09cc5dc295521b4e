import Simulation

/// The state of a `ForecastBuilder` as bytes and back (`ByteWriter`,
/// `ByteReader`): what a shard's part file carries so that its merge gives
/// the bits of one run (MODEL.md 20, docs/scale-out.md). Every part is
/// written in full: exact values while a series is exact, else its counts
/// and exact sums; funnel sums, timeline histograms; per-trial columns
/// where kept. The model is not written: the reader is given it (the part's
/// header names the scenario it came from) and checks the layout fits.
extension ForecastBuilder {
    /// Appends this builder's state to `w`.
    public func encode(into w: inout ByteWriter) {
        w.bool(keepsTrialColumns)
        w.int(exactTrials)
        w.int(trials)
        w.double(events)
        w.int(series.count)
        for s in series { s.encode(into: &w) }
        w.int(scopeCount)
        for s in 0..<scopeCount {
            fillTimes[s].encode(into: &w)
            startTimes[s].encode(into: &w)
            restrictedFills[s].encode(into: &w)
            let h = fillHistograms[s]
            w.double(h.binWidth); w.ints(h.counts); w.int(h.beyond)
            w.int(timeline[s].count)
            for week in timeline[s] { w.ints(week.counts) }
            ForecastBuilder.encodeFunnel(funnelSums[s], into: &w)
        }
        starts.encode(into: &w)
        channels.encode(into: &w)
        capacity.encode(into: &w)
        if keepsTrialColumns {
            for c in columns { w.doubles(c) }
            for s in 0..<scopeCount { w.doubles(trialFillMeans[s]); w.doubles(trialStartMeans[s]); w.doubles(trialRestrictedMeans[s]) }
            w.int(parameterColumns.count)
            for c in parameterColumns { w.doubles(c) }
        }
    }

    /// A builder of `model` read back from what `encode(into:)` wrote.
    public init(decoding r: inout ByteReader, model: SimulationModel) throws(ByteReader.Failure) {
        let keeps = try r.bool()
        let exactTrials = try r.int()
        guard exactTrials >= 0 else { throw .invalid("an exact threshold of \(exactTrials)") }
        self.init(model: model, keepsTrialColumns: keeps, exactTrials: exactTrials)
        trials = try r.int()
        guard trials >= 0 else { throw .invalid("\(trials) trials") }
        events = try r.double()
        func expect(_ n: Int, _ what: String) throws(ByteReader.Failure) {
            let got = try r.int()
            guard got == n else { throw .invalid("\(got) \(what) where the scenario has \(n)") }
        }
        try expect(series.count, "metric series")
        for i in series.indices { series[i] = try MetricSeries(decoding: &r, limit: series[i].exactLimit) }
        try expect(scopeCount, "scopes")
        for s in 0..<scopeCount {
            fillTimes[s] = try MetricSeries(decoding: &r, limit: fillTimes[s].exactLimit)
            startTimes[s] = try MetricSeries(decoding: &r, limit: startTimes[s].exactLimit)
            restrictedFills[s] = try MetricSeries(decoding: &r, limit: restrictedFills[s].exactLimit)
            let width = try r.double(), counts = try r.ints(), beyond = try r.int()
            guard width == fillHistograms[s].binWidth, counts.count == fillHistograms[s].counts.count,
                  counts.allSatisfy({ $0 >= 0 }), beyond >= 0 else { throw .invalid("a time histogram that does not fit the scenario") }
            fillHistograms[s] = TimeHistogram(binWidth: width, counts: counts, beyond: beyond)
            try expect(timeline[s].count, "timeline weeks")
            for k in timeline[s].indices {
                let counts = try r.ints()
                guard !counts.isEmpty, counts.allSatisfy({ $0 >= 0 }) else { throw .invalid("a timeline histogram of \(counts)") }
                timeline[s][k] = IntegerHistogram(counts: counts)
            }
            try ForecastBuilder.decodeFunnel(&r, into: &funnelSums[s])
        }
        try starts.decode(&r)
        try channels.decode(&r)
        try capacity.decode(&r)
        if keeps {
            func column() throws(ByteReader.Failure) -> [Double] {
                let c = try r.doubles()
                guard c.count == trials else { throw .invalid("a column of \(c.count) values for \(trials) trials") }
                return c
            }
            for i in columns.indices { columns[i] = try column() }
            for s in 0..<scopeCount {
                trialFillMeans[s] = try column(); trialStartMeans[s] = try column(); trialRestrictedMeans[s] = try column()
            }
            try expect(parameterColumns.count, "uncertain parameters")
            for p in parameterColumns.indices { parameterColumns[p] = try column() }
        }
    }
}

extension ForecastBuilder {
    /// Funnel sums as their count, then seven doubles per row (`open` is
    /// worked out when built).
    static func encodeFunnel(_ rows: [FunnelStep], into w: inout ByteWriter) {
        w.int(rows.count)
        for f in rows {
            for v in [f.entered, f.passed, f.noShows, f.withdrawn, f.contactFailures, f.rejected, f.released] { w.double(v) }
        }
    }

    /// Reads back what `encodeFunnel` wrote into rows of the same layout.
    static func decodeFunnel(_ r: inout ByteReader, into rows: inout [FunnelStep]) throws(ByteReader.Failure) {
        let got = try r.int()
        guard got == rows.count else { throw .invalid("\(got) funnel steps where the scenario has \(rows.count)") }
        for j in rows.indices {
            rows[j].entered = try r.double()
            rows[j].passed = try r.double()
            rows[j].noShows = try r.double()
            rows[j].withdrawn = try r.double()
            rows[j].contactFailures = try r.double()
            rows[j].rejected = try r.double()
            rows[j].released = try r.double()
        }
    }
}

extension MetricSeries {
    func encode(into w: inout ByteWriter) {
        w.int(n); w.int(infinite); w.bool(allIntegers)
        if isExact {
            w.u8(0); w.doubles(exact)
            return
        }
        if let integers {
            w.u8(1); w.ints(integers.counts)
        } else {
            w.u8(2)
            let b = buckets!
            w.int(b.zeros)
            let keys = b.counts.keys.sorted()
            w.int(keys.count)
            for k in keys { w.int(k); w.int(b.counts[k]!) }
        }
        sum.encode(into: &w)
        squares.encode(into: &w)
    }

    init(decoding r: inout ByteReader, limit: Int) throws(ByteReader.Failure) {
        self.init(exactLimit: limit)
        n = try r.int(); infinite = try r.int(); allIntegers = try r.bool()
        guard n >= 0, infinite >= 0 else { throw .invalid("a series of \(n) and \(infinite) values") }
        switch try r.u8() {
        case 0:
            exact = try r.doubles()
            guard exact.count == n + infinite, exact.count <= limit else { throw .invalid("an exact series of \(exact.count) values") }
            return
        case 1:
            let counts = try r.ints()
            guard !counts.isEmpty, counts.allSatisfy({ $0 >= 0 }) else { throw .invalid("integer counts \(counts)") }
            integers = IntegerHistogram(counts: counts)
        case 2:
            let zeros = try r.int()
            let k = try r.count(width: 16)
            var counts: [Int: Int] = [:]
            for _ in 0..<k { let key = try r.int(); counts[key] = try r.int() }
            buckets = LogBuckets(zeros: zeros, counts: counts)
        case let kind:
            throw .invalid("a series of kind \(kind)")
        }
        sum = try ExactSum(decoding: &r)
        squares = try ExactSum(decoding: &r)
    }
}

extension ExactSum {
    /// The carried limbs from the lowest to the highest non-zero one.
    func encode(into w: inout ByteWriter) {
        var s = self
        s.normalize()
        w.bool(s.nonFinite != nil)
        w.double(s.nonFinite ?? 0)
        let lo = s.limbs.firstIndex { $0 != 0 } ?? 0
        let hi = (s.limbs.lastIndex { $0 != 0 } ?? -1) + 1
        w.int(lo)
        w.int(max(0, hi - lo))
        for i in lo..<max(lo, hi) { w.int(Int(s.limbs[i])) }
    }

    init(decoding r: inout ByteReader) throws(ByteReader.Failure) {
        self.init()
        if try r.bool() { nonFinite = try r.double() } else { _ = try r.double() }
        let lo = try r.int(), count = try r.count(width: 8)
        guard lo >= 0, lo + count <= ExactSum.limbCount else { throw .invalid("exact-sum limbs \(lo) + \(count)") }
        for i in lo..<(lo + count) { limbs[i] = Int64(try r.int()) }
    }
}
