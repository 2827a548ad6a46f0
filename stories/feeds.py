"""RSS and Atom feeds of the latest stories, served under the story index page."""

from datetime import datetime, time

from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed

from home.i18n import localize_pages
from stories.models.pages import listed_stories

FEED_LENGTH = 20


class StoriesRssFeed(Feed):
    """The newest stories of one index page, for feed readers."""

    feed_type = Rss201rev2Feed

    def __init__(self, index_page):
        super().__init__()
        self.index_page = index_page

    def __call__(self, request, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def title(self):
        return self.index_page.seo_title or self.index_page.title

    def link(self):
        return self.index_page.get_url(self.request)

    def description(self):
        return self.index_page.search_description or self.index_page.title

    def items(self):
        return localize_pages(listed_stories(self.index_page.stories())[:FEED_LENGTH], self.request)

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.introduction

    def item_link(self, item):
        return item.get_url(self.request)

    def item_pubdate(self, item):
        return timezone.make_aware(datetime.combine(item.date, time(9, 0)))

    def item_updateddate(self, item):
        return item.last_published_at

    def item_author_name(self, item):
        return item.byline or None

    def item_categories(self, item):
        return [topic_item.tag.name for topic_item in item.topic_items.all()]


class StoriesAtomFeed(StoriesRssFeed):
    feed_type = Atom1Feed
    subtitle = StoriesRssFeed.description
