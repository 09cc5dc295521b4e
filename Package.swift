// swift-tools-version:6.0
// Funnelcast: Monte Carlo forecasts of recruitment funnels.
//
// Public modules first (what a caller composes), then the C layer they hide.
import PackageDescription

let package = Package(
    name: "Funnelcast",
    products: [
        .executable(name: "funnelcast", targets: ["funnelcast"]),
        .library(name: "Forecast", targets: ["Forecast"]),
        // Reading scenario files into the Scenario values Forecast runs.
        .library(name: "ScenarioYAML", targets: ["ScenarioYAML"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
    ],
    targets: [
        // The command-line tool: parse arguments, call the library, print.
        .executableTarget(
            name: "funnelcast",
            dependencies: [
                "Jobs", "Forecast", "Reporting", "FunnelModel", "ScenarioYAML", "Simulation", "CSignals", "Calibration", "Shards",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // The commands' work without the process: prepare outputs, run with
        // cancellation and progress, commit or abandon, say what was written.
        .target(name: "Jobs", dependencies: ["Forecast", "Reporting", "FunnelModel", "Simulation"]),
        // Rendering (terminal text, CSV, HTML) and output (atomic files over POSIX calls).
        .target(name: "Reporting", dependencies: ["Forecast", "FunnelModel", "Simulation"]),
        // Shards of a run (MODEL.md 20): ranges, the .fcpart file, merges.
        .target(name: "Shards", dependencies: ["Jobs", "Forecast", "FunnelModel", "Reporting", "ScenarioYAML", "Simulation"]),
        // Many trials in parallel, and the statistics over them.
        .target(name: "Forecast", dependencies: ["Simulation", "FunnelModel", "Sampling", "History"]),
        // One trial: calendar and work clock, event queue, pools, the funnel.
        // (History for the event kinds a trial's recorder receives.)
        .target(name: "Simulation", dependencies: ["FunnelModel", "Sampling", "History"]),
        // Scenario files: the YAML loader and its alias-bomb guard, the
        // JSON Schema, the starter scenario. The only module that links Yams;
        // it also imports Yams' internal CYaml (libyaml's event parser, in
        // YAMLExpansion.swift), which Yams exposes as no product of its own:
        // it is reached through the Yams product that builds and links it.
        .target(
            name: "ScenarioYAML",
            dependencies: ["FunnelModel", "Sampling", .product(name: "Yams", package: "Yams")]
        ),
        // Scenario values and their rules: fields, kinds, defaults,
        // validation, parameter identifiers and paths, changes.
        .target(name: "FunnelModel", dependencies: ["Sampling"]),
        // Random streams and distributions over GSL.
        .target(name: "Sampling", dependencies: ["CGSL", "CFunnelcast"]),

        // Implementation details: the C side, no public API.
        .systemLibrary(
            name: "CGSL",
            pkgConfig: "gsl",
            providers: [.apt(["libgsl-dev"])]
        ),
        .target(name: "CFunnelcast", dependencies: ["CGSL"]),
        // SIGINT and SIGTERM as a flag, for the command-line tool only.
        .target(name: "CSignals"),

        .executableTarget(
            name: "funnelcast-bench",
            dependencies: ["Forecast", "FunnelModel", "ScenarioYAML", "Sampling", "Simulation", "CMallocCounter", "CGSL", "Calibration", "History",
                           "Shards", "Jobs", "Reporting"],
            path: "Benchmarks/funnelcast-bench"
        ),
        .target(name: "CMallocCounter", path: "Benchmarks/CMallocCounter"),

        // Issue 12: the history event log and the fit from it (MODEL.md 18).
        // The event log: its CSV format, reading, writing, and each
        // candidate's, requisition's and freeze's reconstructed path.
        .target(name: "History", dependencies: ["FunnelModel"]),
        // Estimators over a history and the fitted scenario they write.
        .target(
            name: "Calibration",
            dependencies: ["History", "FunnelModel", "ScenarioYAML", "Simulation", "Sampling", "Reporting", "CGSL"]
        ),
        .testTarget(name: "HistoryTests", dependencies: ["History", "FunnelModel"]),
        .testTarget(
            name: "CalibrationTests",
            dependencies: ["Calibration", "History", "FunnelModel", "ScenarioYAML", "Forecast", "Simulation", "Sampling", "CGSL"]
        ),

        // What the test targets share: a process runner that drains stdout and
        // stderr at once, the seeded generator, the package's paths, the
        // statistical and CSV assertions. No dependency on the package's modules.
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "TestSupportTests", dependencies: ["TestSupport"]),

        .testTarget(name: "SamplingTests", dependencies: ["Sampling", "CGSL", "CFunnelcast", "TestSupport"]),
        // The scenario rules, mostly through the loader's messages.
        .testTarget(name: "FunnelModelTests", dependencies: ["FunnelModel", "ScenarioYAML", "Sampling", "TestSupport"]),
        // The engine; the uncertain-parameter guard also loads the example plans.
        .testTarget(name: "SimulationTests", dependencies: ["Simulation", "FunnelModel", "Sampling", "History", "ScenarioYAML", "TestSupport"]),
        .testTarget(name: "ForecastTests", dependencies: ["Forecast", "Simulation", "FunnelModel", "ScenarioYAML", "Sampling", "CGSL", "History", "TestSupport"]),
        // Golden/: the pinned CSVs, read from the source tree (not a resource: record mode rewrites them).
        .testTarget(name: "FunnelcastCLITests", dependencies: ["funnelcast", "TestSupport"], exclude: ["Golden"]),
        .testTarget(name: "ReportingTests", dependencies: ["Reporting", "Forecast", "FunnelModel", "ScenarioYAML", "Simulation", "TestSupport"]),
        .testTarget(name: "JobsTests", dependencies: ["Jobs", "Reporting", "Forecast", "FunnelModel", "ScenarioYAML", "Simulation", "TestSupport"]),
        .testTarget(name: "ShardTests", dependencies: ["Shards", "Jobs", "Forecast", "Simulation", "FunnelModel", "ScenarioYAML", "Reporting",
                                                       "TestSupport", .product(name: "Yams", package: "Yams")]),
        // Mutated scenario files through the loader and the engine (`make fuzz`).
        .testTarget(
            name: "FuzzTests",
            dependencies: ["Forecast", "Simulation", "FunnelModel", "ScenarioYAML", "TestSupport"],
            resources: [.copy("Corpus")]
        ),
    ]
)
