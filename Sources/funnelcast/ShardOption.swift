import ArgumentParser
import Shards

/// `--shard K/N` on `run`, `compare`, `sensitivity`, `plan` and `report`
/// (MODEL.md 20): run shard K's units only and write its part to `--out
/// PART.fcpart`.
struct ShardOption: ParsableArguments {
    @Option(help: ArgumentHelp("Run only shard K of N (K from 0) and write its part to --out PART.fcpart; "
                               + "`funnelcast merge` joins the parts (docs/scale-out.md).", valueName: "K/N"))
    var shard: String?

    /// The shard, nil without --shard; a bad value, or no --out part file,
    /// is one line on stderr and exit status 1.
    /// `unsharded`: options a shard cannot run, each with why (one line, exit 1).
    func parsed(out: String?, refusing others: [(String, Bool)] = [],
                unsharded: [(option: String, given: Bool, why: String)] = []) throws -> Shard? {
        guard let shard else { return nil }
        switch Shard.parse(shard) {
        case .failure(let e):
            printError("--shard \(e)")
            throw ExitCode(1)
        case .success(let s):
            guard let out, out.hasSuffix(".fcpart") else {
                printError("--shard \(shard) writes a part file: give --out PART.fcpart (got \(out.map { "'\($0)'" } ?? "no --out"))")
                throw ExitCode(1)
            }
            for (option, given, why) in unsharded where given {
                printError("--shard: \(option) cannot be sharded: \(why)")
                throw ExitCode(1)
            }
            for (option, given) in others where given {
                if option == "--change" {
                    // A part's scenario fingerprint is the file's; merge reloads the file.
                    printError("--shard: --change is not carried in part files; write the change into the scenario file")
                    throw ExitCode(64)
                }
                printError("--shard: \(option) is for `funnelcast merge`, which writes the outputs of every shard")
                throw ExitCode(1)
            }
            return s
        }
    }
}
