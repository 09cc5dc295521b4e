/// A fixed-length buffer of plain values that the engine writes on almost
/// every event: its per-trial counters.
///
/// Why not an Array: every write to an Array stored in the engine first
/// asks the runtime whether the storage is shared (a call, and a copy on
/// write if it is). This storage never is: the engine that allocates it is
/// its only holder, and it is freed with the buffer. Indices are still
/// checked, so a wrong one stops the program instead of writing elsewhere.
/// A class only to own and free the memory; not thread-safe, like the
/// engine that holds it.
final class PlainBuffer<Element: BitwiseCopyable> {
    private let base: UnsafeMutablePointer<Element>
    let count: Int

    /// A buffer of `count` copies of `value`.
    init(repeating value: Element, count: Int) {
        self.count = count
        base = .allocate(capacity: Swift.max(1, count))
        base.initialize(repeating: value, count: count)
    }

    deinit { base.deallocate() }

    subscript(i: Int) -> Element {
        @inline(__always) get {
            precondition(i >= 0 && i < count, "PlainBuffer index out of range")
            return base[i]
        }
        @inline(__always) set {
            precondition(i >= 0 && i < count, "PlainBuffer index out of range")
            base[i] = newValue
        }
    }

    /// Sets every element to `value`.
    func fill(_ value: Element) { base.update(repeating: value, count: count) }
}
