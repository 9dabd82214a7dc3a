import Harness
import TrainingMemory

/// Exercise MemoryBreakdown: where the bytes of a training set-up go, on one GPU and under ZeRO.
///
/// Read Lessons/TrainingMemory.md, section "Bytes per parameter" (and "Sharding with ZeRO" for
/// `perGPU`), then replace each `throw` with your code. Check your work with
/// `workbook check MemoryBreakdown`.
///
/// The contract, with every rule the grader checks:
/// Sources/TrainingMemory/Contracts/MemoryAccounting.swift.
public struct MemoryAccountant: MemoryAccounting {
  public init() {}

  public func breakdown(_ setup: TrainingSetup) throws -> MemoryBreakdown {
    throw Unimplemented(lesson: "TrainingMemory", section: "Bytes per parameter")
  }

  public func perGPU(_ setup: TrainingSetup, zeroStage: Int, gpus: Int) throws -> MemoryBreakdown {
    throw Unimplemented(lesson: "TrainingMemory", section: "Bytes per parameter")
  }
}
