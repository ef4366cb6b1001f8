"""Exceptions the command line turns into one line on stderr: bad input (exit 2), a failed run (exit 1)."""


class InputError(Exception):
    """Bad input or an unusable output location; the message names the file and the problem."""

    def __init__(self, path: object, problem: str) -> None:
        super().__init__(f"{path}: {problem}")
        self.path = path
        self.problem = problem


class ReportError(Exception):
    """A report run failed after its input was accepted (a notebook cell raised, the kernel died...)."""
