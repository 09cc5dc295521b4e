import FunnelModel
import ScenarioYAML

/// The one place Calibration reads a scenario file: the template of `fit`.
/// (The loader may move to its own YAML module; only this file names it.)
enum TemplateLoading {
    /// The scenario at `path`, or its issues, one per line.
    static func load(path: String) throws(FitError) -> Scenario {
        do {
            return try ScenarioLoader.load(path: path)
        } catch {
            throw FitError.template(error.issues.map { "\($0)" })
        }
    }

    /// Scenario text back through the loader (a check that the fitted file runs).
    static func parse(_ text: String, file: String) throws(FitError) -> Scenario {
        do {
            return try ScenarioLoader.parse(yaml: text, file: file)
        } catch {
            throw FitError.fittedInvalid(error.issues.map { "\($0)" })
        }
    }
}
