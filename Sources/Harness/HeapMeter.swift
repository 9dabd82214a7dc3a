import CHeapMeter

/// Measures the heap while a graded call runs: every block the process allocates through
/// `malloc` and its relatives, freed or not, so memory a student's code takes outside the
/// allocator or store the harness hands in is seen too (a copied input, a temporary array, a
/// dequantized matrix).
///
/// The counting `malloc` is linked into every program that uses the harness and forwards to
/// glibc's own; outside `measure` it costs one relaxed atomic load per call. Sizes are what
/// `malloc_usable_size` reports, so a block counts its rounding up to the allocator's
/// granularity (a few bytes) as well.
///
/// ```swift
/// let (output, heap) = try HeapMeter.measure { try forward.forward(mlp, input: x, batch: 4) }
/// // heap.peakBytes: the most the heap grew above its level at the start
/// ```
public enum HeapMeter {
  /// Whether this process counts its heap (glibc on Linux; elsewhere the meter sees nothing).
  public static let isAvailable: Bool = workbook_heap_meter_installed() != 0

  /// Runs `body` with the heap counted, and returns its result with what the heap did.
  ///
  /// Only allocations made on the calling thread are counted (other threads of the process,
  /// such as a test runner's pipe readers, cannot disturb a measurement), and measurements do
  /// not nest: graders measure one call at a time.
  ///
  /// Under a judge, the measurement is taken where the student's code runs: in the runner the
  /// usage is measured and written on the tape after the calls it covers, and in the judge the
  /// same `measure` replays the calls and returns the usage the runner's meter saw.
  public static func measure<T>(_ body: () throws -> T) throws -> (T, HeapUsage) {
    if let tape = Tape.current {
      switch tape.mode {
      case .recording:
        let (result, usage) = try measureHere(body)
        _ = try tape.call("heap") { usage }
        return (result, usage)
      case .replaying:
        let result = try body()
        return (result, try tape.call("heap") { HeapUsage.none })
      }
    }
    return try measureHere(body)
  }

  /// Runs `body` with the harness's own allocations uncounted (a tape's encoding inside a
  /// measurement is no part of the student's call).
  static func uncounted<T>(_ body: () throws -> T) rethrows -> T {
    let was = workbook_heap_meter_pause()
    defer { workbook_heap_meter_resume(was) }
    return try body()
  }

  private static func measureHere<T>(_ body: () throws -> T) rethrows -> (T, HeapUsage) {
    workbook_heap_meter_start()
    let result: T
    do {
      result = try body()
    } catch {
      _ = workbook_heap_meter_stop()
      throw error
    }
    let counts = workbook_heap_meter_stop()
    return (
      result,
      HeapUsage(
        peakBytes: Int(counts.peak_bytes), netBytes: Int(counts.net_bytes),
        allocations: Int(counts.allocations), allocatedBytes: Int(counts.allocated_bytes))
    )
  }
}

/// What the heap did during one `HeapMeter.measure`.
public struct HeapUsage: Equatable, Sendable, Codable {
  /// Nothing measured (what a judge asks for; the runner's answer replaces it).
  static let none = HeapUsage(peakBytes: 0, netBytes: 0, allocations: 0, allocatedBytes: 0)

  /// The largest growth of live heap bytes above the level at the start.
  public let peakBytes: Int
  /// Live bytes at the end minus those at the start; negative when more was freed.
  public let netBytes: Int
  /// How many blocks were allocated.
  public let allocations: Int
  /// The bytes of all those blocks together (freed or not).
  public let allocatedBytes: Int
}
