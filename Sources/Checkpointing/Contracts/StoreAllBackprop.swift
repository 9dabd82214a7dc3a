/// The contract of the StoreAllBackprop exercise: a training step that keeps every activation.
///
/// The plain backpropagation every framework does by default. The forward pass keeps all N + 1
/// activations (the input and every layer's output); the backward pass walks the chain from the
/// last layer down, each layer's backward reading its input and output from the store.
public protocol StoreAllBackprop {
  /// One forward and backward pass of `chain` on one batch.
  ///
  /// Store `input` as activation 0, run layers 0 ..< N forward, take the loss of activation N
  /// against `targets`, then run layers N − 1 down to 0 backward, handing each layer's input
  /// gradient to the layer below and freeing an activation as soon as no backward needs it.
  /// Return the loss and every layer's gradient. The store must be empty when this returns.
  func step(_ chain: Chain, input: Tensor, targets: Tensor, store: ActivationStore) throws
    -> StepResult
}
