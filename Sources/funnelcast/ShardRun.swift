import ArgumentParser
import Forecast
import Foundation
import FunnelModel
import Reporting
import Shards
import Simulation

/// Runs one shard of a command and writes its part file (`--shard K/N
/// --out PART.fcpart`): the CLI side of `ShardJob`.
enum ShardRun {
    /// Runs `shard` of `command` on `scenario` (its trials and seed from the
    /// command line) and writes the part to `out`.
    static func run(_ command: ShardedCommand, scenario: Scenario, scenarioFile: String, shard: Shard,
                    options: ForecastOptions, out: String) throws {
        let job = ShardJob(scenario: scenario, command: command)
        let text: String
        do { text = try String(contentsOfFile: scenarioFile, encoding: .utf8) } catch {
            printError("\(scenarioFile): cannot be read again for the part's header"); throw ExitCode(1)
        }
        let header = try reportingErrors { try job.header(shard: shard, toolVersion: FunnelcastVersion.current,
                                                          scenarioFile: scenarioFile, scenarioText: text) }
        let range = header.range
        let perUnit: Int
        switch command {
        case .compare(let names): perUnit = 1 + (names.isEmpty ? scenario.interventions.count : names.count)
        case .sensitivity(let s) where s.method == .tornado: perUnit = scenario.trials
        default: perUnit = 1
        }
        let keeps: Bool
        if case .run = command { keeps = false } else { keeps = true }
        try options.checkLimits(job.model, trials: command.isTornado ? scenario.trials : range.count, keepsTrialColumns: keeps)
        Interrupts.install()
        var rowRenderer: ((Int, TrialOutcome) -> [UInt8])? = nil
        if case let .run(true, delimiter) = command {
            let d = try CSVDelimiter.parse(delimiter).get()
            let model = job.model
            rowRenderer = { i, o in Array(CSVTable(header: ForecastTables.trialsRow(i, o, model: model)).render(delimiter: d).utf8) }
        }
        let payload = try reportingErrors { () throws -> ShardPayload in
            let bar = options.progressBar(total: range.count * perUnit)
            defer { bar.finish() }
            return try job.run(shard: shard, threads: options.runOptions(scenario).threads,
                               isCancelled: { Interrupts.caught != nil }, progress: { bar.advance(by: $0) }, trialRow: rowRenderer)
        }
        try exitIfInterrupted()
        do { try PartFile(header: header, body: payload.encoded()).write(to: out) } catch {
            printError("\(error)"); throw ExitCode(1)
        }
        if !options.quiet {
            let what = range.isEmpty ? "no \(header.unit)" : "\(header.unit) \(range.lowerBound)-\(range.upperBound - 1) of \(header.total)"
            print("Wrote \(out) (shard \(shard), \(what))")
        }
    }
}

extension Run {
    /// `run --shard K/N --out PART.fcpart`.
    func runShard(_ shard: Shard, _ scenario: Scenario) throws {
        try ShardRun.run(.run(trialsCSV: trialsCSV, delimiter: delimiter), scenario: scenario, scenarioFile: input.scenario,
                         shard: shard, options: options, out: out!)
    }
}

extension Compare {
    /// `compare --shard K/N --out PART.fcpart`.
    func runShard(_ shard: Shard, _ scenario: Scenario) throws {
        try ShardRun.run(.compare(interventions: interventions), scenario: scenario, scenarioFile: input.scenario,
                         shard: shard, options: options, out: out!)
    }
}

extension Sensitivity {
    /// `sensitivity --method M --shard K/N --out PART.fcpart`.
    func runShard(_ shard: Shard, _ scenario: Scenario) throws {
        let s = ShardedCommand.Sensitivity(method: .init(rawValue: method.rawValue)!, metric: metric, scope: scope,
                                           parameters: parameters, swing: swing, bootstrap: bootstrap)
        try ShardRun.run(.sensitivity(s), scenario: scenario, scenarioFile: input.scenario, shard: shard, options: options, out: out!)
    }
}

extension ShardedCommand {
    var isTornado: Bool {
        if case .sensitivity(let s) = self { return s.method == .tornado }
        return false
    }
}
