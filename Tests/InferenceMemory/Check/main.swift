import Harness
import InferenceMemoryExercises
import InferenceMemoryGraders

Checker.main(
  InferenceMemoryGraders.exercises(
    sizing: TensorSizer(), forward: PingPongForwarder(), planner: LifetimePlanner()))
