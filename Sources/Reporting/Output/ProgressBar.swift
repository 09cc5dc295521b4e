#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// A progress line on stderr for a long run of trials:
/// `label [#######.......]  42%  12,345 trials/s  ETA 0:37`.
///
/// Workers call `advance(by:)` from any thread (one atomic add). A background
/// thread redraws the line with `\r` at most every 100 ms, and draws nothing
/// until 1 s has passed, so short runs stay silent. `finish()` stops it and
/// clears the line. A disabled bar never writes and starts no thread; enable
/// it with `!quiet && ProgressBar.stderrIsTerminal`. Its clock is an
/// argument (`ProgressClock`): the real one by default, a fake in tests.
///
/// A `final class` because it owns the redraw thread.
public final class ProgressBar: @unchecked Sendable {
    /// Whether stderr is a terminal (where a `\r` line makes sense).
    public static var stderrIsTerminal: Bool { isatty(STDERR_FILENO) != 0 }

    /// Seconds before the first draw, and between draws.
    static let firstDraw = 1.0
    static let redrawInterval = 0.1

    private let state: State
    private var thread: pthread_t?
    private let finished = Atomic<Bool>(false)

    /// A bar for `total` trials. With `enabled` false it only counts.
    public convenience init(total: Int, label: String, enabled: Bool, clock: ProgressClock = .continuous) {
        self.init(total: total, label: label, enabled: enabled, output: STDERR_FILENO, clock: clock)
    }

    /// As above, drawing on the file descriptor `output` (for tests).
    init(total: Int, label: String, enabled: Bool, output: Int32, clock: ProgressClock = .continuous) {
        precondition(total >= 0, "progress total \(total) is negative")
        state = State(total: total, label: label, output: output, clock: clock)
        guard enabled else { return }
        var thread = pthread_t()
        let context = Unmanaged.passRetained(state).toOpaque()
        let status = pthread_create(&thread, nil, { context in
            let state = Unmanaged<State>.fromOpaque(context!).takeRetainedValue()
            state.run()
            return nil
        }, context)
        if status == 0 {
            self.thread = thread
        } else {
            Unmanaged<State>.fromOpaque(context).release()  // no bar, no harm
        }
    }

    deinit { finish() }

    /// Records `count` more trials done. Thread-safe; cheap.
    public func advance(by count: Int = 1) {
        state.done.add(count, ordering: .relaxed)
    }

    /// Trials recorded so far.
    public var completed: Int { state.done.load(ordering: .relaxed) }

    /// Stops redrawing and clears the line if one was drawn. Idempotent.
    public func finish() {
        guard !finished.exchange(true, ordering: .acquiringAndReleasing) else { return }
        guard let thread else { return }
        state.stopping.store(true, ordering: .releasing)
        pthread_join(thread, nil)
        if state.drawn { state.write("\r\u{1B}[K") }
    }

    /// Whether a line is due `elapsed` seconds after the start, the last
    /// drawn at `lastDraw` (-infinity: none yet).
    static func isTimeToDraw(elapsed: Double, lastDraw: Double) -> Bool {
        elapsed >= firstDraw && elapsed - lastDraw >= redrawInterval
    }

    /// The line for `done` of `total` after `elapsed` seconds, at most
    /// `width - 1` Characters (the last column is left free: some
    /// terminals wrap on it).
    static func line(label: String, done: Int, total: Int, elapsed: Double, width: Int) -> String {
        let done = min(max(done, 0), total)
        let fraction = total > 0 ? Double(done) / Double(total) : 1
        let rate = elapsed > 0 ? Double(done) / elapsed : 0
        let percent = String(Int((fraction * 100).rounded(.down)))
        var eta = "ETA --:--"
        if done == total {
            eta = "ETA 0:00"
        } else if rate > 0 {
            eta = "ETA " + clock(Double(total - done) / rate)
        }
        let tail = String(repeating: " ", count: max(0, 3 - percent.count)) + percent + "%  "
            + Format.fixed(rate, digits: 0, grouping: true) + " trials/s  " + eta
        let room = width - 1
        let barWidth = min(40, room - label.count - tail.count - 5)  // " [", "]  "
        var text: String
        if barWidth >= 10 {
            let filled = Int((fraction * Double(barWidth)).rounded(.down))
            text = label + " [" + String(repeating: "#", count: filled)
                + String(repeating: ".", count: barWidth - filled) + "]  " + tail
        } else {
            text = label + "  " + tail
        }
        if text.count > room { text = String(text.prefix(max(0, room))) }
        return text
    }

    /// Seconds as m:ss, or h:mm:ss from an hour on.
    static func clock(_ seconds: Double) -> String {
        guard seconds.isFinite else { return "--:--" }
        let s = Int(min(seconds.rounded(.up), 359_999))
        let two = { (n: Int) in n < 10 ? "0\(n)" : "\(n)" }
        return s >= 3600 ? "\(s / 3600):\(two(s / 60 % 60)):\(two(s % 60))" : "\(s / 60):\(two(s % 60))"
    }

    /// What the workers and the redraw thread share.
    private final class State: @unchecked Sendable {
        let total: Int
        let label: String
        let output: Int32
        let clock: ProgressClock
        let start: Double
        let done = Atomic<Int>(0)
        let stopping = Atomic<Bool>(false)
        /// Written by the redraw thread only; read after joining it.
        var drawn = false

        init(total: Int, label: String, output: Int32, clock: ProgressClock) {
            self.total = total
            self.label = label
            self.output = output
            self.clock = clock
            start = clock.seconds()
        }

        /// The redraw loop: wakes every 20 ms to notice `finish` promptly.
        func run() {
            var lastDraw = -Double.infinity
            while !stopping.load(ordering: .acquiring) {
                var pause = timespec(tv_sec: 0, tv_nsec: 20_000_000)
                nanosleep(&pause, nil)
                let elapsed = clock.seconds() - start
                guard ProgressBar.isTimeToDraw(elapsed: elapsed, lastDraw: lastDraw) else { continue }
                lastDraw = elapsed
                let text = ProgressBar.line(label: label, done: done.load(ordering: .relaxed),
                                            total: total, elapsed: elapsed, width: columns())
                write("\r" + text + "\u{1B}[K")
                drawn = true
            }
        }

        /// Best effort: a progress line is not worth an error.
        func write(_ text: String) {
            try? Syscall.writeAll(output, text)
        }

        /// The terminal's width, 80 when it cannot tell.
        private func columns() -> Int {
            var size = winsize()
            if ioctl(output, UInt(TIOCGWINSZ), &size) == 0 && size.ws_col > 0 { return Int(size.ws_col) }
            return 80
        }
    }
}

