import FunnelModel
import Sampling

// The engine's counting: per-requisition counters and per-stage counts,
// kept in flat buffers during the trial, and the end of the trial, which
// copies them into the `TrialOutcome` and derives on-time and cost from
// them (MODEL.md 11, 16.20, 17.2). Apart from the handlers so that what a
// trial reports is worked out in one place.

extension TrialEngine {
    /// The per-stage counts, in the order of a stage's slots; `released`:
    /// candidates let go from the stage when the requisition was covered or
    /// cancelled (16.15, 16.16).
    enum StageCount: Int, CaseIterable { case entered, passed, noShows, withdrawn, contactFailures, rejected, released }
    /// Slots per stage in `stageCounts`.
    static let stageSlots = StageCount.allCases.count

    @inline(__always)
    mutating func add(_ r: Int, _ c: Counter, _ v: Double) {
        counts[r * Counter.allCases.count + c.rawValue] += v
    }

    @inline(__always)
    mutating func set(_ r: Int, _ c: Counter, _ v: Double) {
        counts[r * Counter.allCases.count + c.rawValue] = v
    }

    @inline(__always)
    mutating func addStage(_ r: Int, _ s: Int, _ k: StageCount) {
        stageCounts[TrialEngine.stageSlots * (firstStage[r] + s) + k.rawValue] += 1
    }

    /// Adds `v` to counter `c` of `r`, and of the channel candidate `for`
    /// came through when `r` has channels.
    @inline(__always)
    mutating func add(_ r: Int, _ k: Counter, _ v: Double, for c: Int) {
        counts[r * Counter.allCases.count + k.rawValue] += v
        guard countsChannels else { return }
        let i = channelOf[Int(candidates[c].source)]
        if i >= 0 { channelCounts[i * Counter.allCases.count + k.rawValue] += v }
    }

    /// `addStage`, and for the channel of candidate `for` too.
    @inline(__always)
    mutating func addStage(_ r: Int, _ s: Int, _ k: StageCount, for c: Int) {
        stageCounts[TrialEngine.stageSlots * (firstStage[r] + s) + k.rawValue] += 1
        guard countsChannels else { return }
        let i = channelOf[Int(candidates[c].source)]
        if i >= 0 { channelStageCounts[TrialEngine.stageSlots * (channelFirstStage[i] + s) + k.rawValue] += 1 }
    }

    /// Adds `v` to the week of `t` (only where the model counts weekly).
    @inline(__always)
    mutating func addWeekly(_ r: Int, _ m: WeeklyMeasure, _ t: Double, _ v: Double = 1) {
        guard countsWeekly else { return }
        let weeks = model.weekCount
        let week = Swift.min(weeks - 1, Swift.max(0, Int(t / 7)))
        weeklyCounts[(r * weeks + week) * WeeklyMeasure.count + m.rawValue] += v
    }

    /// Every batch but the last met (MODEL.md 21.9): at least
    /// `cumulative[j]` starts before `before[j]` (the last batch is the
    /// requisition's deadline and all its openings, checked by the caller).
    @inline(__always)
    static func batchesMet(_ b: BatchThresholds, _ starts: [Double]) -> Bool {
        var j = 0
        while j < b.before.count - 1 {
            let due = b.before[j]
            if starts.reduce(0, { $0 + ($1 < due ? 1 : 0) }) < b.cumulative[j] { return false }
            j += 1
        }
        return true
    }

    // MARK: - Trial end

    /// Copies the trial's counts into `out` and derives on-time and cost.
    mutating func finish(_ out: inout TrialOutcome) {
        let u = out.parameters
        let recruiterRate = model.recruiterHourly.value(u), interviewerRate = model.interviewerHourly.value(u)
        let perHire = model.perHire.value(u)
        let n = Counter.allCases.count
        // Locals, so that `fill` captures these and not the whole engine.
        let counts = self.counts, stageCounts = self.stageCounts
        for r in model.requisitions.indices {
            let spec = model.requisitions[r]
            let slots = TrialEngine.stageSlots
            let base = slots * firstStage[r]
            let checkCost = spec.check.map { $0.cost.value(u) } ?? 0
            // Applicants' cost, source by source (one source without channels).
            var applicantCost = 0.0
            for k in model.sourceRange[r] {
                applicantCost += Double(sourceState[k].applicants) * model.sources[k].costPerApplicant.value(u)
            }
            func fill(_ o: inout RequisitionOutcome) {
                for k in 0..<n { o.counters[k] = counts[r * n + k] }
                for s in spec.stages.indices {
                    let b = base + slots * s
                    o.stageEntered[s] = stageCounts[b]; o.stagePassed[s] = stageCounts[b + 1]
                    o.stageNoShows[s] = stageCounts[b + 2]; o.stageWithdrawn[s] = stageCounts[b + 3]
                    o.stageContactFailures[s] = stageCounts[b + 4]; o.stageRejected[s] = stageCounts[b + 5]
                    o.stageReleased[s] = stageCounts[b + 6]
                }
                let onTimeStarts = o.startInstants.reduce(0) { $0 + ($1 < spec.onTimeBefore ? 1 : 0) }
                o[.onTime] = onTimeStarts >= spec.openings && TrialEngine.batchesMet(spec.thresholds, o.startInstants) ? 1 : 0
                o[.filledByDeadline] = Double(onTimeStarts)
                o[.cost] = applicantCost
                    + o[.recruiterHours] * recruiterRate + o[.interviewerHours] * interviewerRate
                    + o[.checks] * checkCost + o[.filled] * perHire
            }
            fill(&out.requisitions[r])
        }
        for (i, k) in model.channelSources.enumerated() {
            let r = model.sources[k].requisition, spec = model.requisitions[r]
            let checkCost = spec.check.map { $0.cost.value(u) } ?? 0
            let slots = TrialEngine.stageSlots, base = slots * channelFirstStage[i]
            let channelCounts = self.channelCounts, channelStageCounts = self.channelStageCounts
            let applicantCost = Double(sourceState[k].applicants) * model.sources[k].costPerApplicant.value(u)
            func fill(_ o: inout RequisitionOutcome) {
                for j in 0..<n { o.counters[j] = channelCounts[i * n + j] }
                for s in spec.stages.indices {
                    let b = base + slots * s
                    o.stageEntered[s] = channelStageCounts[b]; o.stagePassed[s] = channelStageCounts[b + 1]
                    o.stageNoShows[s] = channelStageCounts[b + 2]; o.stageWithdrawn[s] = channelStageCounts[b + 3]
                    o.stageContactFailures[s] = channelStageCounts[b + 4]; o.stageRejected[s] = channelStageCounts[b + 5]
                    o.stageReleased[s] = channelStageCounts[b + 6]
                }
                o[.cost] = applicantCost
                    + o[.recruiterHours] * recruiterRate + o[.interviewerHours] * interviewerRate
                    + o[.checks] * checkCost + o[.filled] * perHire
            }
            fill(&out.channels[i])
        }
        if countsWeekly { for i in out.weekly.indices { out.weekly[i] = weeklyCounts[i] } }
        let weeks = model.weekCount
        for w in 0..<weeks { out.weekAvailable[w] = weekWork[w + 1] - weekWork[w] }
        for i in out.poolBusy.indices { out.poolBusy[i] = poolBusy[i] }
        out.poolWaits.removeAll(keepingCapacity: true)
        out.poolWaits.append(contentsOf: poolWaits)
    }
}
