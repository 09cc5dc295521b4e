import Forecast
import Jobs
import XCTest

/// The limits from explicit values and an environment given as a dictionary.
final class LimitSettingsTests: XCTestCase {
    func testDefaultsThenEnvironmentThenExplicitValues() throws {
        XCTAssertEqual(try LimitSettings().resolve(environment: [:]), RunLimits())
        let environment = ["FUNNELCAST_MAX_EVENTS": "5e7", "FUNNELCAST_MAX_MEMORY": "2G"]
        let fromEnvironment = try LimitSettings().resolve(environment: environment)
        XCTAssertEqual(fromEnvironment.maxEventsPerTrial, 5e7)
        XCTAssertEqual(fromEnvironment.maxMemoryBytes, 2 * 1024 * 1024 * 1024)
        let explicit = try LimitSettings(maxEventsPerTrial: 100).resolve(environment: environment)
        XCTAssertEqual(explicit.maxEventsPerTrial, 100, "an explicit value wins over the environment")
        XCTAssertEqual(explicit.maxMemoryBytes, 2 * 1024 * 1024 * 1024)
    }

    func testABadVariableIsAnErrorNamingIt() {
        XCTAssertThrowsError(try LimitSettings(maxMemoryBytes: 1e9).resolve(environment: ["FUNNELCAST_MAX_MEMORY": "lots"])) {
            XCTAssertEqual("\($0)", "FUNNELCAST_MAX_MEMORY must be a size such as 8G, 512M or 2000000000 (bytes) (got lots)")
        }
    }
}
