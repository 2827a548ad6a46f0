"""Through model that tags stories with the shared Topic vocabulary."""

from django.db import models
from modelcluster.fields import ParentalKey
from taggit.models import ItemBase

from home.models import Topic


class StoryTopic(ItemBase):
    tag = models.ForeignKey(Topic, on_delete=models.CASCADE, related_name="story_items")
    content_object = ParentalKey(
        "stories.StoryPage", on_delete=models.CASCADE, related_name="topic_items"
    )
