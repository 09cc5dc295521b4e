// CYaml is the libyaml that Yams builds and links; its event parser is used
// directly here because Yams's composer offers no way to count or limit aliases.
import CYaml

/// Bounds on what a scenario's YAML may expand to, checked before Yams
/// composes it.
///
/// An alias (`*name`) repeats the node its anchor (`&name`) marks without
/// copying it, so a few lines of aliases of aliases of aliases stand for
/// billions of values (an "alias bomb", or "billion laughs"). Yams composes
/// them into shared nodes, cheaply, but comparing mapping keys and every walk
/// of the tree visit each repetition, and would run for hours. Libyaml's event
/// stream says, in one pass over the text, how many values the tree holds
/// once every alias is expanded; a file beyond `maxExpandedNodes` is refused
/// before composing.
enum YAMLExpansion {
    /// Values (scalars, lists and mappings) a file may expand to: a plan with
    /// a hundred requisitions of ten stages holds about ten thousand.
    static let maxExpandedNodes = 100_000

    /// Where the expanded tree goes over `limit`: the line of the alias (or
    /// value) that crosses it, and the aliases seen so far; nil where it
    /// stays within the limit, where the text has no alias at all, or where
    /// libyaml cannot parse it (composing reports the syntax error).
    static func overLimit(_ text: String, limit: Int = maxExpandedNodes) -> (line: Int, aliases: Int)? {
        // Without an alias indicator the tree is no larger than the text.
        guard text.utf8.contains(UInt8(ascii: "*")) else { return nil }
        var source = text
        return source.withUTF8 { bytes -> (line: Int, aliases: Int)? in
            var parser = yaml_parser_t()
            guard yaml_parser_initialize(&parser) == 1 else { return nil }
            defer { yaml_parser_delete(&parser) }
            yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
            yaml_parser_set_input_string(&parser, bytes.baseAddress, bytes.count)

            // Expanded size of each anchor's node, and of the collections open now
            // (their anchor and the count when they started).
            var anchors: [String: Int] = [:]
            var open: [(anchor: String?, start: Int)] = []
            var expanded = 0, aliases = 0
            func name(_ p: UnsafeMutablePointer<yaml_char_t>?) -> String? { p.map { String(cString: $0) } }

            var event = yaml_event_t()
            while yaml_parser_parse(&parser, &event) == 1 {
                defer { yaml_event_delete(&event) }
                let line = Int(event.start_mark.line) + 1
                switch event.type {
                case YAML_STREAM_END_EVENT:
                    return nil
                case YAML_SCALAR_EVENT:
                    expanded += 1
                    if let a = name(event.data.scalar.anchor) { anchors[a] = 1 }
                case YAML_ALIAS_EVENT:
                    aliases += 1
                    expanded += name(event.data.alias.anchor).flatMap { anchors[$0] } ?? 1
                case YAML_SEQUENCE_START_EVENT:
                    open.append((name(event.data.sequence_start.anchor), expanded))
                    expanded += 1
                case YAML_MAPPING_START_EVENT:
                    open.append((name(event.data.mapping_start.anchor), expanded))
                    expanded += 1
                case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                    if let (anchor, start) = open.popLast(), let anchor { anchors[anchor] = expanded - start }
                default:
                    break
                }
                if expanded > limit { return (line, aliases) }
            }
            return nil
        }
    }
}
