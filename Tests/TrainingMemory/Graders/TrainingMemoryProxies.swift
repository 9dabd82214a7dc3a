import Harness
import TrainingMemory

// One proxy per contract: in the runner each call runs the student's code and is recorded; in
// the judge (no student code) each call is answered from the record. See `Tape`.

/// `TrainingPeakEstimating` through a tape.
struct TrainingPeakProxy: TrainingPeakEstimating, Sendable {
  let tape: Tape
  let base: (any TrainingPeakEstimating & Sendable)?

  func peakBytes(_ step: TrainingStep) throws -> UInt64 {
    try tape.call("peakBytes") { try base!.peakBytes(step) }
  }
}

/// `MemoryAccounting` through a tape.
struct MemoryAccountingProxy: MemoryAccounting, Sendable {
  let tape: Tape
  let base: (any MemoryAccounting & Sendable)?

  func breakdown(_ setup: TrainingSetup) throws -> MemoryBreakdown {
    try tape.call("breakdown") { try base!.breakdown(setup) }
  }

  func perGPU(_ setup: TrainingSetup, zeroStage: Int, gpus: Int) throws -> MemoryBreakdown {
    try tape.call("perGPU") { try base!.perGPU(setup, zeroStage: zeroStage, gpus: gpus) }
  }
}

/// What the grader can see of an optimizer: its moments and its step count.
private struct AdamMoments: Codable {
  var m: [Float]
  var v: [Float]
  var stepCount: Int
}

/// What `step` leaves behind: the parameters it updated in place, and the optimizer's state.
private struct AdamAfterStep: Codable {
  var parameters: [Float]
  var moments: AdamMoments
}

/// `AdamStepping` through a tape. The grader makes optimizers from the type, so the tape is
/// the one of the exercise being graded (`Tape.current`); the proxy mirrors `m`, `v` and
/// `stepCount` after every call, read from the student's optimizer in the runner and from the
/// record in the judge.
struct AdamSteppingProxy<Base: AdamStepping>: AdamStepping {
  private var base: Base?
  private(set) var m: [Float] = []
  private(set) var v: [Float] = []
  private(set) var stepCount = 0

  init(parameterCount: Int, settings: AdamSettings) throws {
    var made: Base?
    let moments = try Self.tape.call("init") {
      let optimizer = try Base(parameterCount: parameterCount, settings: settings)
      made = optimizer
      return AdamMoments(m: optimizer.m, v: optimizer.v, stepCount: optimizer.stepCount)
    }
    base = made
    mirror(moments)
  }

  mutating func step(_ parameters: inout [Float], gradients: [Float]) throws {
    var working = parameters
    var optimizer = base
    var after: AdamMoments?
    defer {
      parameters = working
      base = optimizer
      // Replay restored `after`; in the runner the student's optimizer holds the truth.
      if let after {
        mirror(after)
      } else if let optimizer {
        mirror(AdamMoments(m: optimizer.m, v: optimizer.v, stepCount: optimizer.stepCount))
      }
    }
    _ = try Self.tape.call(
      "step",
      state: {
        AdamAfterStep(
          parameters: working,
          moments: AdamMoments(
            m: optimizer?.m ?? [], v: optimizer?.v ?? [], stepCount: optimizer?.stepCount ?? 0))
      },
      restore: { state in
        working = state.parameters
        after = state.moments
      }
    ) {
      try optimizer!.step(&working, gradients: gradients)
      return Nothing()
    }
  }

  private mutating func mirror(_ moments: AdamMoments) {
    m = moments.m
    v = moments.v
    stepCount = moments.stepCount
  }

  private static var tape: Tape {
    guard let tape = Tape.current else {
      preconditionFailure("AdamSteppingProxy used outside an exercise bound to a tape")
    }
    return tape
  }
}

/// The judge's stand-in for the student's optimizer type: never constructed, since in replay
/// every call is answered from the record.
struct UnrecordedAdam: AdamStepping {
  var m: [Float] { [] }
  var v: [Float] { [] }
  var stepCount: Int { 0 }

  init(parameterCount: Int, settings: AdamSettings) throws {
    throw CheckFailure("the judge has no optimizer of its own")
  }

  mutating func step(_ parameters: inout [Float], gradients: [Float]) throws {}
}

extension TrainingMemoryGraders {
  /// Each contract's proxy on `tape`, around `edition`'s implementation (nil in the judge).
  public static func proxies(on tape: Tape, around edition: TrainingMemoryEdition?)
    -> TrainingMemoryEdition
  {
    (
      peak: TrainingPeakProxy(tape: tape, base: edition?.peak),
      adam: edition?.adam.proxyType ?? AdamSteppingProxy<UnrecordedAdam>.self,
      accountant: MemoryAccountingProxy(tape: tape, base: edition?.accountant)
    )
  }
}

extension AdamStepping where Self: SendableMetatype {
  /// This type behind a tape: the proxy type whose every call is recorded.
  fileprivate static var proxyType: any (AdamStepping & SendableMetatype).Type {
    AdamSteppingProxy<Self>.self
  }
}
