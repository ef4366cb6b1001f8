"""The one exception the command line turns into a one-line message and exit code 2."""


class InputError(Exception):
    """Bad input or an unusable output location; the message names the file and the problem."""

    def __init__(self, path: object, problem: str) -> None:
        super().__init__(f"{path}: {problem}")
        self.path = path
        self.problem = problem
