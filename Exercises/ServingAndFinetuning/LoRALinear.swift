import Harness
import ServingAndFinetuning

/// Exercise LoRALinear: a linear layer with a frozen weight and a trainable low-rank update,
/// forward and backward.
///
/// Read Lessons/ServingAndFinetuning.md, section "LoRA", then replace each `throw` with your
/// code. Check your work with `workbook check LoRALinear`.
/// The contract, with every rule the grader checks:
/// Sources/ServingAndFinetuning/Contracts/LoRALinear.swift.
public struct LoRALayer: LoRALinear {
  public init() {}

  public func makeAdapter(
    w: [Float], dIn: Int, dOut: Int, rank: Int, alpha: Float, seed: UInt64
  ) throws -> LoRAWeights {
    throw Unimplemented(lesson: "ServingAndFinetuning", section: "LoRA")
  }

  public func forward(_ layer: LoRAWeights, input: [Float], batch: Int) throws -> [Float] {
    throw Unimplemented(lesson: "ServingAndFinetuning", section: "LoRA")
  }

  public func backward(
    _ layer: LoRAWeights, input: [Float], batch: Int, outputGradient: [Float],
    gradients: GradientStore
  ) throws -> [Float] {
    throw Unimplemented(lesson: "ServingAndFinetuning", section: "LoRA")
  }

  public func trainableParameters(dIn: Int, dOut: Int, rank: Int) throws -> Int {
    throw Unimplemented(lesson: "ServingAndFinetuning", section: "LoRA")
  }
}
