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
                "Forecast", "Reporting", "FunnelModel", "CFunnelcast", "Shards", "Simulation",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Terminal tables, CSV files.
        .target(name: "Reporting", dependencies: ["Forecast", "FunnelModel"]),
        // Shards of a run (MODEL.md 20): ranges, the .fcpart file, merges.
        .target(name: "Shards", dependencies: ["Forecast", "FunnelModel", "Simulation"]),
        // Many trials in parallel, and the statistics over them.
        .target(name: "Forecast", dependencies: ["Simulation", "FunnelModel", "Sampling"]),
        // One trial: calendar and work clock, event queue, pools, the funnel.
        .target(name: "Simulation", dependencies: ["FunnelModel", "Sampling"]),
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
            dependencies: ["Forecast", "FunnelModel", "Sampling", "Simulation", "CMallocCounter", "CGSL"],
            path: "Benchmarks/funnelcast-bench"
        ),
        .target(name: "CMallocCounter", path: "Benchmarks/CMallocCounter"),

        .testTarget(name: "SamplingTests", dependencies: ["Sampling"]),
        .testTarget(name: "FunnelModelTests", dependencies: ["FunnelModel"]),
        .testTarget(name: "SimulationTests", dependencies: ["Simulation", "FunnelModel", "Sampling"]),
        .testTarget(name: "ForecastTests", dependencies: ["Forecast", "Simulation", "FunnelModel"]),
        .testTarget(name: "FunnelcastCLITests", dependencies: ["funnelcast"]),
        .testTarget(name: "ReportingTests", dependencies: ["Reporting"]),
        .testTarget(name: "ShardTests", dependencies: ["Shards", "Forecast", "Simulation", "FunnelModel", "Reporting",
                                                       .product(name: "Yams", package: "Yams")]),
        // Mutated scenario files through the loader and the engine (`make fuzz`).
        .testTarget(
            name: "FuzzTests",
            dependencies: ["Forecast", "Simulation", "FunnelModel"],
            resources: [.copy("Corpus")]
        ),
    ]
)
