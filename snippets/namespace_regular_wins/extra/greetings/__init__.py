"""This file makes extra/greetings/ a regular package."""
