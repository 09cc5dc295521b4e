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
                "Forecast", "Reporting", "FunnelModel", "CFunnelcast", "Calibration",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Terminal tables, CSV files.
        .target(name: "Reporting", dependencies: ["Forecast", "FunnelModel"]),
        // Many trials in parallel, and the statistics over them.
        .target(name: "Forecast", dependencies: ["Simulation", "FunnelModel", "Sampling"]),
        // One trial: calendar and work clock, event queue, pools, the funnel.
        // (History for the event kinds a trial's recorder receives.)
        .target(name: "Simulation", dependencies: ["FunnelModel", "Sampling", "History"]),
        // Scenario values, YAML decoding, validation, parameter paths.
        .target(name: "FunnelModel", dependencies: ["Sampling", "Yams"]),
        // Random streams and distributions over GSL.
        .target(name: "Sampling", dependencies: ["CGSL", "CFunnelcast"]),

        // Implementation details: the C side, no public API.
        .systemLibrary(
            name: "CGSL",
            pkgConfig: "gsl",
            providers: [.apt(["libgsl-dev"])]
        ),
        .target(name: "CFunnelcast", dependencies: ["CGSL"]),

        .executableTarget(
            name: "funnelcast-bench",
            dependencies: ["Forecast", "FunnelModel", "Sampling", "Simulation", "CMallocCounter", "CGSL", "Calibration", "History"],
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
            dependencies: ["History", "FunnelModel", "Simulation", "Sampling", "Reporting", "CGSL", "CGSLFit"]
        ),
        // GSL's minimizers and special functions, which CGSL does not expose.
        .systemLibrary(name: "CGSLFit", pkgConfig: "gsl"),
        .testTarget(name: "HistoryTests", dependencies: ["History", "FunnelModel"]),
        .testTarget(
            name: "CalibrationTests",
            dependencies: ["Calibration", "History", "FunnelModel", "Forecast", "Simulation", "Sampling", "CGSL"]
        ),

        .testTarget(name: "SamplingTests", dependencies: ["Sampling"]),
        .testTarget(name: "FunnelModelTests", dependencies: ["FunnelModel"]),
        .testTarget(name: "SimulationTests", dependencies: ["Simulation", "FunnelModel", "Sampling", "History"]),
        .testTarget(name: "ForecastTests", dependencies: ["Forecast", "Simulation", "FunnelModel"]),
        .testTarget(name: "FunnelcastCLITests", dependencies: ["funnelcast"]),
        .testTarget(name: "ReportingTests", dependencies: ["Reporting"]),
        // Mutated scenario files through the loader and the engine (`make fuzz`).
        .testTarget(
            name: "FuzzTests",
            dependencies: ["Forecast", "Simulation", "FunnelModel"],
            resources: [.copy("Corpus")]
        ),
    ]
)
