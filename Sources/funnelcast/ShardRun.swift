import ArgumentParser
import Foundation
import FunnelModel
import Jobs
import Reporting
import Shards

/// Runs one shard of a command and writes its part file (`--shard K/N
/// --out PART.fcpart`): the CLI side of `PartJob`.
enum ShardRun {
    /// Runs `shard` of `command` on `scenario` (its trials and seed from the
    /// command line) and writes the part to `out`.
    static func run(_ command: ShardedCommand, scenario: Scenario, scenarioFile: String, shard: Shard,
                    options: ForecastOptions, out: String) throws {
        let text: String
        do { text = try String(contentsOfFile: scenarioFile, encoding: .utf8) } catch {
            printError("\(scenarioFile): cannot be read again for the part's header"); throw ExitCode(1)
        }
        let job = PartJob(scenario: scenario, command: command, shard: shard, path: out, scenarioFile: scenarioFile,
                          scenarioText: text, toolVersion: FunnelcastVersion.current)
        let limits = try options.limits()
        let prepared = try refusing { () throws(JobError) in try job.prepare(limits: limits, threads: options.threadCount) }
        Interrupts.install()
        let outcome = try reportingErrors { () throws(JobError) in try prepared.run(options.context()) }
        if let interruption = outcome.interruption { try exit(interruption) }
        if !options.quiet { print(outcome.text, terminator: "") }
    }
}

extension Run {
    /// `run --shard K/N --out PART.fcpart`.
    func runShard(_ shard: Shard, _ scenario: Scenario) throws {
        try ShardRun.run(.run(trialsCSV: trialsCSV, delimiter: csv.delimiter ?? ","), scenario: scenario, scenarioFile: input.scenario,
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
