"""Through models that tag programmes with the shared Topic and Skill vocabularies."""

from django.db import models
from modelcluster.fields import ParentalKey
from taggit.models import ItemBase

from home.models import Skill, Topic


class ProgrammeTopic(ItemBase):
    tag = models.ForeignKey(Topic, on_delete=models.CASCADE, related_name="programme_items")
    content_object = ParentalKey(
        "programmes.ProgrammePage", on_delete=models.CASCADE, related_name="topic_items"
    )


class ProgrammeSkill(ItemBase):
    tag = models.ForeignKey(Skill, on_delete=models.CASCADE, related_name="programme_items")
    content_object = ParentalKey(
        "programmes.ProgrammePage", on_delete=models.CASCADE, related_name="skill_items"
    )
