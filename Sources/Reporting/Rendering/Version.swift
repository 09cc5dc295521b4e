/// The tool's version, shown by `funnelcast --version` and printed on every
/// HTML report so that a printed forecast can be reproduced.
public enum FunnelcastVersion {
    public static let current = "0.1.0"
}
