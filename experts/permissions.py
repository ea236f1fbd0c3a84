"""The permissions of experts and programs, by name (thinktank.permissions checks them)."""

ADD_EXPERT = "experts.add_expert"
CHANGE_EXPERT = "experts.change_expert"
ADD_PROGRAM = "experts.add_program"
CHANGE_PROGRAM = "experts.change_program"
