import Harness
import InferenceMemory

/// Exercise PingPongForward: a whole MLP's forward pass in two activation buffers.
///
/// Read Lessons/InferenceMemory.md, section "Two buffers for a whole network", then replace the
/// `throw` with your code: two `allocator.allocate(count:)` calls before the first layer, none
/// after. Check your work with `workbook check PingPongForward`.
///
/// The contract, with every rule the grader checks:
/// Sources/InferenceMemory/Contracts/PingPongForward.swift.
public struct PingPongForwarder: PingPongForward {
  public init() {}

  public func forward(
    _ mlp: MLP, input: [Float], batch: Int, allocator: ActivationAllocator
  ) throws -> [Float] {
    throw Unimplemented(lesson: "InferenceMemory", section: "Two buffers for a whole network")
  }
}
